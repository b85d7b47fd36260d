package org.mlplatform.inference.models.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlplatform.inference.models.entity.Predictions;
import org.mlplatform.inference.testing.ReferenceCase;
import org.mlplatform.pipeline.PipelineParameters;
import org.mlplatform.pipeline.TrainingParameters;
import org.mlplatform.pipeline.TrainingPipeline;
import org.mlplatform.pipeline.TrainingRequest;
import org.mlplatform.pipeline.preprocessing.Resampling;
import org.mlplatform.pipeline.preprocessing.ScalerKind;
import org.mlplatform.pipeline.training.ClassWeight;
import org.mlplatform.pipeline.training.LogisticRegressionParameters;
import org.mlplatform.repository.ModelRepository;

/**
 * The contract with the training side: a version that pipeline-ejb trains and publishes (its
 * ONNX export, metadata.json and checksum) loads here and scores the reference test set as the
 * exact optimum does. pipeline-ejb is a test-scope dependency only; the WAR carries none of it.
 */
class PipelineCompatibilityTest {

    @TempDir
    Path root;

    @ParameterizedTest
    @CsvSource({"seed, raw_C1, 1.0, NONE, NONE", "seed, robust_balanced_C1, 1.0, BALANCED, ROBUST",
            "breast_cancer, standard_C1, 1.0, NONE, STANDARD", "iris, raw_C0p1, 0.1, NONE, NONE",
            "iris, robust_balanced_C1, 1.0, BALANCED, ROBUST"})
    void aVersionPublishedByThePipelineIsServedWithTheOptimumsProbabilities(String set, String config, double c,
                                                                            ClassWeight classWeight, ScalerKind scaler) throws Exception {
        Path data = ReferenceCase.referenceDir().resolve("data").resolve(set);
        TrainingParameters parameters = new TrainingParameters(new PipelineParameters(scaler, Resampling.NONE, 0, 42L),
                new LogisticRegressionParameters(c, classWeight, 1e-8, 1000));
        new TrainingPipeline(parameters).run(new TrainingRequest("m",
                org.mlplatform.pipeline.dataset.CsvSource.withLabelsFile(data.resolve("train_data.csv"), data.resolve("train_labels.csv")),
                null, parameters), new ModelRepository(root));

        ModelRepository repository = new ModelRepository(root);
        LoadedVersion loaded = new ModelLoader(repository, new OnnxSessionFactory(), Clock.systemUTC()).load("m", 1);
        try {
            ReferenceCase reference = ReferenceCase.load(set, config);
            double[][] expected = reference.expectedProbabilities();
            int features = reference.featureCount();
            float[] rows = new float[expected.length * features];
            for (int i = 0; i < expected.length; i++) {
                for (int j = 0; j < features; j++) {
                    rows[i * features + j] = (float) reference.testRows()[i][j];
                }
            }
            Predictions predictions = loaded.session().run(rows, expected.length);
            for (int i = 0; i < expected.length; i++) {
                for (int k = 0; k < reference.classCount(); k++) {
                    assertEquals(expected[i][k], predictions.probabilities()[i * reference.classCount() + k], 2e-6,
                            set + "__" + config + " row " + i + " class " + k);
                }
            }
        } finally {
            loaded.session().close();
        }
    }
}
