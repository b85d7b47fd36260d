package org.mlplatform.inference.models.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlplatform.inference.models.entity.ModelSignature;
import org.mlplatform.inference.models.entity.Predictions;
import org.mlplatform.inference.testing.OnnxTestModels;
import org.mlplatform.inference.testing.ReferenceCase;

/** The session the service opens scores the reference test sets as the exact optimum does. */
class ReferencePredictionsTest {

    static Stream<String> cases() throws Exception {
        try (Stream<Path> files = Files.list(ReferenceCase.referenceDir().resolve("expected"))) {
            return files.map(file -> file.getFileName().toString().replace(".json", "")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void probabilitiesMatchTheOptimumWithin2e6(String name) throws Exception {
        String[] parts = name.split("__");
        ReferenceCase reference = ReferenceCase.load(parts[0], parts[1]);
        double[][] expected = reference.expectedProbabilities();
        int features = reference.featureCount();
        float[] rows = new float[reference.testRows().length * features];
        for (int i = 0; i < reference.testRows().length; i++) {
            for (int j = 0; j < features; j++) {
                rows[i * features + j] = (float) reference.testRows()[i][j];
            }
        }
        try (InferenceSession session = new OnnxSessionFactory().open(reference.onnx())) {
            assertEquals(new ModelSignature("input", features, false, reference.classCount()), session.signature());
            Predictions predictions = session.run(rows, expected.length);
            for (int i = 0; i < expected.length; i++) {
                int best = 0;
                for (int k = 0; k < reference.classCount(); k++) {
                    float actual = predictions.probabilities()[i * reference.classCount() + k];
                    assertEquals(expected[i][k], actual, 2e-6, name + " row " + i + " class " + k);
                    best = expected[i][k] > expected[i][best] ? k : best;
                }
                assertEquals(best, predictions.intLabels()[i], name + " row " + i);
            }
        }
    }

    /**
     * The pooled predictor's path (ONNX Runtime writing into reused native buffers) answers what the
     * allocating path answers, bit for bit: after a larger call has left its values in the buffers,
     * for a call larger than the buffers keep, and for each reference case.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void reusedTensorBuffersGiveTheAllocatingPathsPredictions(String name) throws Exception {
        String[] parts = name.split("__");
        ReferenceCase reference = ReferenceCase.load(parts[0], parts[1]);
        int features = reference.featureCount();
        int largeRows = TensorBuffers.RETAINED_BYTES / Float.BYTES / features + 1;
        float[] rows = new float[largeRows * features];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (float) reference.testRows()[i / features % reference.testRows().length][i % features] * (1 + i % 7 / 10f);
        }
        TensorBuffers buffers = new TensorBuffers();
        try (InferenceSession session = new OnnxSessionFactory().open(reference.onnx())) {
            for (int count : new int[] {reference.testRows().length, 1, largeRows, 3}) {
                Predictions expected = session.run(rows, count);
                Predictions actual = session.run(rows, count, buffers);
                assertEquals(count, actual.rows());
                assertArrayEquals(expected.probabilities(), actual.probabilities(), name + ", " + count + " rows");
                assertArrayEquals(expected.intLabels(), actual.intLabels(), name + ", " + count + " rows");
            }
        }
    }

    @org.junit.jupiter.api.Test
    void stringClassLabelsAreServedAsStrings() throws Exception {
        ReferenceCase iris = ReferenceCase.load("iris", "standard_C1");
        byte[] onnx = OnnxTestModels.logisticRegression(iris.coefficients(), iris.intercepts(), iris.offset(), iris.scale(),
                new String[] {"setosa", "versicolor", "virginica"});
        try (InferenceSession session = new OnnxSessionFactory().open(onnx)) {
            assertTrue(session.signature().stringLabels());
            float[] row = new float[4];
            for (int j = 0; j < 4; j++) {
                row[j] = (float) iris.testRows()[0][j];
            }
            assertEquals("setosa", session.run(row, 1).stringLabels()[0]);
            Predictions pinned = session.run(row, 1, new TensorBuffers());
            assertEquals("setosa", pinned.stringLabels()[0]);
            assertArrayEquals(session.run(row, 1).probabilities(), pinned.probabilities());
        }
    }
}
