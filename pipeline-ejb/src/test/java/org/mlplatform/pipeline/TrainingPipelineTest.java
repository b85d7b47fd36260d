package org.mlplatform.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlplatform.pipeline.dataset.CsvSource;
import org.mlplatform.pipeline.dataset.InvalidDataException;
import org.mlplatform.pipeline.drift.FeatureDistributions;
import org.mlplatform.pipeline.evaluation.RocPointsTest;
import org.mlplatform.pipeline.evaluation.ScoredRows;
import org.mlplatform.pipeline.options.OptionRule;
import org.mlplatform.pipeline.options.TrainingOption;
import org.mlplatform.pipeline.preprocessing.Resampling;
import org.mlplatform.pipeline.preprocessing.ScalerKind;
import org.mlplatform.pipeline.reference.ReferenceCase;
import org.mlplatform.pipeline.training.LogisticRegressionModel;
import org.mlplatform.pipeline.reference.ReferenceFiles;
import org.mlplatform.pipeline.training.ClassWeight;
import org.mlplatform.pipeline.training.LogisticRegressionParameters;
import org.mlplatform.repository.MetadataJson;
import org.mlplatform.repository.ModelMetadata;
import org.mlplatform.repository.ModelMetadata.FeatureDistribution;
import org.mlplatform.repository.ModelMetadata.RocCurve;
import org.mlplatform.repository.ModelMetadata.RocCurves;
import org.mlplatform.repository.ModelRepository;

/** The whole run, from the reference CSV files to a published ONNX file scored by ONNX Runtime. */
class TrainingPipelineTest {

    @TempDir
    Path repositoryRoot;

    static List<ReferenceCase> cases() {
        return ReferenceCase.all();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void publishesTheExactOptimumAsAnOnnxModelThatScoresLikeIt(ReferenceCase reference) throws Exception {
        String config = reference.name();
        PipelineModel optimum = reference.optimum();
        TrainingParameters parameters = parametersOf(reference);

        TrainingRun run = new TrainingPipeline(parameters).run(requestFor(reference.set(), parameters),
                new ModelRepository(repositoryRoot));

        LogisticRegressionModel fitted = (LogisticRegressionModel) run.model().classifier();
        double[][] expectedCoefficients = reference.optimumClassifier().coefficients();
        double[][] coefficients = fitted.coefficients();
        for (int k = 0; k < coefficients.length; k++) {
            for (int j = 0; j < coefficients[k].length; j++) {
                assertEquals(expectedCoefficients[k][j], coefficients[k][j], 1e-6, config + " coef[" + k + "][" + j + "]");
            }
            assertEquals(reference.optimumClassifier().intercepts()[k], fitted.intercepts()[k], 1e-6,
                    config + " intercept[" + k + "]");
        }
        assertEquals(run.published().version(), 1);
        assertNotNull(run.test());

        double[][] testRows = reference.testRows();
        float[][] onnxProbabilities = scoreWithOnnxRuntime(run.published().directory().resolve("model.onnx"), testRows);
        for (int i = 0; i < testRows.length; i++) {
            double[] expected = optimum.predictProba(testRows[i]);
            for (int k = 0; k < expected.length; k++) {
                assertEquals(expected[k], onnxProbabilities[i][k], 2e-6, config + " test row " + i + " class " + k);
            }
        }
    }

    @Test
    void crossValidatesEachFoldOnItsOwnTrainingRows() throws IOException {
        TrainingParameters parameters = parameters(1.0, ClassWeight.BALANCED, ScalerKind.ROBUST,
                Resampling.SMOTE, 1e-8, 1000, 5, 7L);
        TrainingPipeline pipeline = new TrainingPipeline(parameters);
        TrainingData data = pipeline.load(labelled("breast_cancer", "train"), null);

        var folds = pipeline.folds(data.train());
        var metrics = folds.stream().map(fold -> pipeline.crossValidate(data.train(), fold).metrics()).toList();

        assertEquals(5, metrics.size());
        assertEquals(data.train().rows(), metrics.stream().mapToInt(m -> m.rows()).sum());
        metrics.forEach(m -> assertTrue(m.rocAuc() > 0.9, "breast_cancer folds separate well: " + m.rocAuc()));
        assertNull(data.test());
    }

    @Test
    void refusesMoreFoldsThanTheSmallestClassHasRows(@TempDir Path data) throws IOException {
        Files.writeString(data.resolve("x.csv"), "1\n2\n3\n4\n5\n");
        Files.writeString(data.resolve("y.csv"), "a\na\na\nb\nb\n");
        TrainingPipeline pipeline = new TrainingPipeline(TrainingParameters.defaults());

        var error = assertThrows(InvalidDataException.class,
                () -> pipeline.load(CsvSource.withLabelsFile(data.resolve("x.csv"), data.resolve("y.csv")), null));

        assertTrue(error.getMessage().contains("b"), error.getMessage());
        assertEquals(InvalidDataException.Part.FOLDS, error.part());
        assertEquals(InvalidDataException.DataSet.TRAIN, error.dataSet());
    }

    @Test
    void saysWhichDataSetABadCellIsInWhenTheFilesShareAName(@TempDir Path data) throws IOException {
        Path a = Files.createDirectories(data.resolve("a"));
        Path b = Files.createDirectories(data.resolve("b"));
        Files.writeString(a.resolve("data.csv"), "1,2\n3,abc\n4,5\n6,7\n");
        Files.writeString(a.resolve("labels.csv"), "0\n1\n0\n1\n");
        Files.writeString(b.resolve("data.csv"), "1,2\n3,4\n");
        Files.writeString(b.resolve("labels.csv"), "0\n1\n");
        TrainingPipeline pipeline = new TrainingPipeline(parameters(1.0, ClassWeight.BALANCED,
                ScalerKind.ROBUST, Resampling.NONE, 1e-8, 100, 2, 42L));
        CsvSource train = CsvSource.withLabelsFile(a.resolve("data.csv"), a.resolve("labels.csv"));
        CsvSource test = CsvSource.withLabelsFile(b.resolve("data.csv"), b.resolve("labels.csv"));

        var inTrain = assertThrows(InvalidDataException.class,
                () -> pipeline.load(train, test, file -> data.relativize(file).toString()));
        assertEquals("a/data.csv line 2, column 2: \"abc\" is not a number", inTrain.getMessage());
        assertEquals(InvalidDataException.DataSet.TRAIN, inTrain.dataSet());
        assertEquals(InvalidDataException.Part.FEATURES, inTrain.part());

        Files.writeString(a.resolve("data.csv"), "1,2\n3,4\n4,5\n6,7\n");
        Files.writeString(b.resolve("labels.csv"), "0\n7\n");
        var inTest = assertThrows(InvalidDataException.class,
                () -> pipeline.load(train, test, file -> data.relativize(file).toString()));
        assertTrue(inTest.getMessage().startsWith("b/labels.csv line 2: label '7'"), inTest.getMessage());
        assertEquals(InvalidDataException.DataSet.TEST, inTest.dataSet());
        assertEquals(InvalidDataException.Part.LABELS, inTest.part());
    }

    @Test
    void boundsCAndTolToWhatTheSolverReachesTheOptimumWith() {
        assertThrows(IllegalArgumentException.class, () -> withCAndTol(1e-320, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> withCAndTol(1e-9, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> withCAndTol(1e9, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> withCAndTol(1.0, 1e-15));
        assertThrows(IllegalArgumentException.class, () -> withCAndTol(1.0, 0.5));
        // at the bounds the solver still reaches tol on the reference sets
        OptionRule.Decimal cRange = (OptionRule.Decimal) TrainingOption.C.rule();
        for (double c : new double[] {cRange.min(), cRange.max()}) {
            for (double tol : new double[] {((OptionRule.Decimal) TrainingOption.TOL.rule()).min(), 1e-8}) {
                for (ReferenceCase reference : ReferenceCase.all()) {
                    var model = new org.mlplatform.pipeline.training.LogisticRegressionTrainer(c,
                            reference.classWeight(), tol, 1000).fit(reference.scaledTraining());
                    assertTrue(model.report().converged(), reference + " C=" + c + " tol=" + tol);
                }
            }
        }
    }

    static TrainingParameters parameters(double c, ClassWeight classWeight, ScalerKind scaler, Resampling resample,
                                         double tol, int maxIter, int cvFolds, long seed) {
        return new TrainingParameters(new PipelineParameters(scaler, resample, cvFolds, seed),
                new LogisticRegressionParameters(c, classWeight, tol, maxIter));
    }

    private static TrainingParameters withCAndTol(double c, double tol) {
        return parameters(c, ClassWeight.BALANCED, ScalerKind.ROBUST, Resampling.NONE, tol, 100, 5, 42L);
    }

    @Test
    void recordsTheInputFilesDigestsInTheMetadata() throws IOException {
        TrainingParameters parameters = parametersOf(ReferenceCase.of("seed__raw_C1"));
        TrainingPipeline pipeline = new TrainingPipeline(parameters);
        TrainingRun run = pipeline.run(requestFor("seed", parameters), new ModelRepository(repositoryRoot));

        String metadata = Files.readString(run.published().directory().resolve("metadata.json"));
        Map<String, String> digests = pipeline.load(labelled("seed", "train"), labelled("seed", "test")).fileSha256();
        assertEquals(4, digests.size());
        digests.values().forEach(digest -> assertTrue(metadata.contains(digest), digest));
    }

    @Test
    void publishesEachFoldsAndTheTestSetsScores() throws IOException {
        TrainingParameters parameters = parameters(1.0, ClassWeight.BALANCED, ScalerKind.ROBUST,
                Resampling.NONE, 1e-8, 1000, 4, 42L);
        TrainingRun run = new TrainingPipeline(parameters).run(requestFor("iris", parameters),
                new ModelRepository(repositoryRoot));

        JsonObject metrics;
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(
                run.published().directory().resolve("metadata.json")))) {
            metrics = reader.readObject().getJsonObject("metrics");
        }
        JsonObject cv = metrics.getJsonObject("cv");
        assertEquals(4, cv.getInt("folds"));
        assertEquals(run.crossValidation().meanLogLoss(), cv.getJsonNumber("logLoss").doubleValue());
        assertEquals(120, cv.getJsonArray("perFold").stream().mapToInt(fold -> fold.asJsonObject().getInt("rows")).sum());
        JsonObject test = metrics.getJsonObject("test");
        assertEquals(30, test.getInt("rows"));
        assertEquals(run.test().rocAuc(), test.getJsonNumber("rocAuc").doubleValue());
        assertEquals(3, test.getJsonArray("confusionMatrix").size());
    }

    @Test
    void publishesTheDriftBaselineOfTheTrainingRowsAsGivenBeforeSmoteAndScaling() throws IOException {
        TrainingParameters parameters = parameters(1.0, ClassWeight.BALANCED, ScalerKind.ROBUST,
                Resampling.SMOTE, 1e-8, 1000, 0, 42L);
        TrainingRun run = new TrainingPipeline(parameters).run(requestFor("breast_cancer", parameters),
                new ModelRepository(repositoryRoot));

        byte[] written = Files.readAllBytes(run.published().directory().resolve("metadata.json"));
        ModelMetadata metadata = MetadataJson.read(written);

        List<FeatureDistribution> expected = FeatureDistributions.of(ReferenceFiles.training("breast_cancer"));
        assertEquals(ModelMetadata.FORMAT_VERSION, metadata.formatVersion());
        assertEquals(30, metadata.features().size());
        for (int j = 0; j < expected.size(); j++) {
            FeatureDistribution feature = metadata.features().get(j);
            assertEquals(expected.get(j).mean(), feature.mean(), "mean " + j);
            assertEquals(expected.get(j).std(), feature.std(), "std " + j);
            assertArrayEquals(expected.get(j).binEdges(), feature.binEdges(), "binEdges " + j);
            assertArrayEquals(expected.get(j).binShares(), feature.binShares(), "binShares " + j);
        }
        assertArrayEquals(written, MetadataJson.write(metadata), "format 2 metadata reads and writes back unchanged");
    }

    @ParameterizedTest
    @ValueSource(strings = {"breast_cancer", "iris", "seed"})
    void publishesTheTestSetsRocCurvesWhoseAreaIsItsRocAuc(String set) throws IOException {
        TrainingParameters parameters = parameters(1.0, ClassWeight.BALANCED, ScalerKind.ROBUST,
                Resampling.NONE, 1e-8, 1000, 3, 42L);
        TrainingRun run = new TrainingPipeline(parameters).run(requestFor(set, parameters),
                new ModelRepository(repositoryRoot));

        ModelMetadata metadata = published(run);

        RocCurves roc = metadata.roc();
        assertEquals("test", roc.rows(), "a test set was evaluated");
        int classes = metadata.classes().size();
        assertEquals(classes == 2 ? List.of(1) : List.of(0, 1, 2),
                roc.curves().stream().map(RocCurve::classIndex).toList(), "binary: classes[1]; else one per class");
        double meanArea = roc.curves().stream().mapToDouble(RocCurve::auc).average().orElseThrow();
        assertEquals(metadata.metrics().test().rocAuc(), meanArea, 1e-12);
        roc.curves().forEach(RocPointsTest::assertRunsFromOriginToOneOne);
    }

    @Test
    void withoutATestSetTheCurvesScoreEveryTrainingRowOnceByTheFoldThatHeldItOut() throws IOException {
        TrainingParameters parameters = parameters(1.0, ClassWeight.BALANCED, ScalerKind.ROBUST,
                Resampling.NONE, 1e-8, 1000, 4, 42L);
        TrainingPipeline pipeline = new TrainingPipeline(parameters);
        TrainingRequest request = new TrainingRequest("seed", labelled("seed", "train"), null, parameters);

        ModelMetadata metadata = published(pipeline.run(request, new ModelRepository(repositoryRoot)));

        TrainingData data = pipeline.load(labelled("seed", "train"), null);
        ScoredRows heldOut = ScoredRows.pooled(pipeline.folds(data.train()).stream()
                .map(fold -> pipeline.crossValidate(data.train(), fold)).toList());
        assertEquals(400, heldOut.rows());
        assertEquals("cv", metadata.roc().rows());
        assertEquals(1, metadata.roc().curves().size());
        assertEquals(heldOut.metrics().rocAuc(), metadata.roc().curves().get(0).auc(), 1e-12);
        RocPointsTest.assertRunsFromOriginToOneOne(metadata.roc().curves().get(0));
    }

    @Test
    void withNothingEvaluatedThereAreNoCurves() throws IOException {
        TrainingParameters parameters = parameters(1.0, ClassWeight.BALANCED, ScalerKind.ROBUST,
                Resampling.NONE, 1e-8, 1000, 0, 42L);
        TrainingRequest request = new TrainingRequest("seed", labelled("seed", "train"), null, parameters);

        TrainingRun run = new TrainingPipeline(parameters).run(request, new ModelRepository(repositoryRoot));

        assertNull(published(run).roc());
        assertFalse(Files.readString(run.published().directory().resolve("metadata.json")).contains("\"roc\""));
    }

    private static ModelMetadata published(TrainingRun run) throws IOException {
        return MetadataJson.read(Files.readAllBytes(run.published().directory().resolve("metadata.json")));
    }

    private static TrainingParameters parametersOf(ReferenceCase reference) {
        return parameters(reference.c(), reference.classWeight(), reference.optimum().scaler().kind(),
                Resampling.NONE, 1e-8, 1000, 0, 42L);
    }

    private static TrainingRequest requestFor(String set, TrainingParameters parameters) {
        return new TrainingRequest("reference-" + set, labelled(set, "train"), labelled(set, "test"), parameters);
    }

    private static CsvSource labelled(String set, String part) {
        return ReferenceFiles.source(set, part);
    }

    private static float[][] scoreWithOnnxRuntime(Path model, double[][] rows) throws OrtException {
        float[][] input = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            input[i] = new float[rows[i].length];
            for (int j = 0; j < rows[i].length; j++) {
                input[i][j] = (float) rows[i][j];
            }
        }
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession session = environment.createSession(model.toString(), new OrtSession.SessionOptions());
             OnnxTensor tensor = OnnxTensor.createTensor(environment, input);
             OrtSession.Result result = session.run(Map.of("input", tensor))) {
            return (float[][]) result.get("probabilities").orElseThrow().getValue();
        }
    }
}
