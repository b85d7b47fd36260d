package org.mlplatform.inference.models.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.OnnxMap;
import ai.onnxruntime.OnnxSequence;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlplatform.inference.models.entity.Predictions;
import org.mlplatform.inference.testing.OnnxTestModels;
import org.mlplatform.inference.testing.ReferenceCase;
import org.mlplatform.pipeline.registry.PipelineMetadata;
import org.mlplatform.repository.ModelArtifacts;
import org.mlplatform.repository.ModelRepository;

/**
 * A graph trained elsewhere and imported by the builder (its bytes unchanged, metadata.json with
 * {@code "source": "imported"}) is served with exactly the answers ONNX Runtime gives for the graph
 * itself, whether skl2onnx wrote its probabilities as a tensor (zipmap=False) or as its default ZipMap.
 */
class ImportedModelServingTest {

    @TempDir
    Path root;

    @ParameterizedTest(name = "{0} {1}, zipMap {2}, classes {3}")
    @CsvSource(delimiter = '|', value = {
            "seed | robust_balanced_C1 | false | [0, 1]",
            "seed | robust_balanced_C1 | true  | [0, 1]",
            "iris | standard_C1        | false | [\"setosa\", \"versicolor\", \"virginica\"]",
            "iris | standard_C1        | true  | [\"setosa\", \"versicolor\", \"virginica\"]",
            // a ZipMap's labels name their columns, so the importer may list them in any order
            "iris | standard_C1        | true  | [\"virginica\", \"setosa\", \"versicolor\"]"})
    void servesWhatOnnxRuntimeComputesForTheGraph(String set, String config, boolean zipMap, String classesJson) throws Exception {
        ReferenceCase reference = ReferenceCase.load(set, config);
        JsonArray classes = Json.createReader(new java.io.StringReader(classesJson)).readArray();
        boolean strings = classes.get(0).getValueType() == jakarta.json.JsonValue.ValueType.STRING;
        String[] graphLabels = strings ? new String[] {"setosa", "versicolor", "virginica"} : null;
        byte[] tensorGraph = OnnxTestModels.logisticRegression(reference.coefficients(), reference.intercepts(),
                reference.offset(), reference.scale(), graphLabels);
        byte[] onnx = zipMap ? OnnxTestModels.withZipMap(tensorGraph) : tensorGraph;
        int features = reference.featureCount();
        ModelRepository repository = new ModelRepository(root);
        repository.publish("imported", version -> new ModelArtifacts(onnx, PipelineMetadata.imported("imported",
                version, onnx, strings ? "string" : "int64", classes, features, List.of(), Instant.now())));
        float[] rows = rows(reference);
        int count = reference.testRows().length;

        LoadedVersion loaded = new ModelLoader(repository, new OnnxSessionFactory(), Clock.systemUTC())
                .load("imported", 1);
        Predictions served;
        try {
            served = loaded.session().run(rows, count);
        } finally {
            loaded.session().close();
        }

        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession session = environment.createSession(onnx);
             OnnxTensor input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(rows), new long[] {count, features});
             OrtSession.Result own = session.run(Map.of("input", input))) {
            Object labels = own.get(0).getValue();
            if (strings) {
                assertArrayEquals((String[]) labels, served.stringLabels());
            } else {
                assertArrayEquals((long[]) labels, served.intLabels());
            }
            assertArrayEquals(probabilitiesInOrder(own.get(1), classes, count), served.probabilities(),
                    "the probabilities, bit for bit, in the column order of metadata.json's classes");
            assertEquals(classes.size(), served.classCount());
        }
    }

    /** ONNX Runtime's own probabilities, row-major, column k being the probability of {@code classes[k]}. */
    private static float[] probabilitiesInOrder(OnnxValue probabilities, JsonArray classes, int rows) throws Exception {
        float[] values = new float[rows * classes.size()];
        if (probabilities instanceof OnnxSequence sequence) {
            List<? extends OnnxValue> maps = sequence.getValue();
            for (int i = 0; i < rows; i++) {
                Map<?, ?> map = ((OnnxMap) maps.get(i)).getValue();
                for (int k = 0; k < classes.size(); k++) {
                    Object key = classes.get(k) instanceof jakarta.json.JsonString label ? label.getString()
                            : (Object) classes.getJsonNumber(k).longValue();
                    values[i * classes.size() + k] = (Float) map.get(key);
                }
            }
            return values;
        }
        float[][] matrix = (float[][]) probabilities.getValue();
        for (int i = 0; i < rows; i++) {
            System.arraycopy(matrix[i], 0, values, i * classes.size(), classes.size());
        }
        return values;
    }

    private static float[] rows(ReferenceCase reference) {
        int features = reference.featureCount();
        float[] rows = new float[reference.testRows().length * features];
        for (int i = 0; i < reference.testRows().length; i++) {
            for (int j = 0; j < features; j++) {
                rows[i * features + j] = (float) reference.testRows()[i][j];
            }
        }
        return rows;
    }
}
