package org.mlplatform.pipeline.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlplatform.pipeline.PipelineModel;
import org.mlplatform.pipeline.dataset.ClassLabels;
import org.mlplatform.pipeline.reference.ReferenceCase;
import org.mlplatform.pipeline.reference.ReferenceFiles;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OnnxExporterTest {

    /** ONNX Runtime computes in float32 on float32 inputs; the pipeline in float64 (issue 2: 2e-6). */
    private static final double PROBABILITY_TOLERANCE = 2e-6;

    private static OrtEnvironment environment;
    private final OnnxExporter exporter = new OnnxExporter();

    @BeforeAll
    static void startRuntime() {
        environment = OrtEnvironment.getEnvironment();
    }

    @AfterAll
    static void stopRuntime() {
        environment.close();
    }

    static List<String> configs() throws IOException {
        return ReferenceFiles.cases();
    }

    @ParameterizedTest
    @MethodSource("configs")
    void onnxRuntimeAgreesWithThePipelineOnTheReferenceTestSet(String config) throws Exception {
        PipelineModel model = ReferenceCase.of(config).optimum();
        byte[] onnx = exporter.export(model, provenance(model));

        double[][] rows = ReferenceFiles.testRows(ReferenceFiles.setOf(config));
        Scored scored = score(onnx, rows);

        long[] classes = model.classifier().classes().asLongs();
        for (int i = 0; i < rows.length; i++) {
            double[] expected = model.predictProba(rows[i]);
            assertArrayEquals(expected, toDoubles(scored.probabilities[i]), PROBABILITY_TOLERANCE, config + " row " + i);
            assertEquals(classes[argMax(expected)], ((long[]) scored.labels)[i], config + " row " + i);
        }
    }

    @Test
    void rawFeaturesHaveNoScalerNode() throws IOException {
        PipelineModel model = ReferenceCase.of("seed__raw_C1").optimum();

        ModelProto onnx = ModelProto.parseFrom(exporter.export(model, provenance(model)));

        assertEquals(List.of("LinearClassifier"), onnx.getGraph().getNodeList().stream().map(NodeProto::getOpType).toList());
        assertEquals("input", onnx.getGraph().getNode(0).getInput(0));
    }

    @Test
    void scaledFeaturesGoThroughAScalerWithInverseScale() throws IOException {
        PipelineModel model = ReferenceCase.of("iris__robust_balanced_C1").optimum();

        ModelProto onnx = ModelProto.parseFrom(exporter.export(model, provenance(model)));

        NodeProto scaler = onnx.getGraph().getNode(0);
        assertEquals("Scaler", scaler.getOpType());
        assertEquals("ai.onnx.ml", scaler.getDomain());
        assertEquals(List.of(5.8f, 3.0f, 4.3f, 1.3f), scaler.getAttribute(0).getFloatsList());
        assertEquals((float) (1 / 1.3000000000000007), scaler.getAttribute(1).getFloats(0));
        assertEquals(scaler.getOutput(0), onnx.getGraph().getNode(1).getInput(0));
    }

    @Test
    void binaryModelsGetTwoOppositeRowsWithLogistic() throws IOException {
        ReferenceCase reference = ReferenceCase.of("breast_cancer__standard_C1");
        PipelineModel model = reference.optimum();

        NodeProto classifier = ModelProto.parseFrom(exporter.export(model, provenance(model))).getGraph().getNode(1);

        Map<String, Object> attributes = attributes(classifier);
        List<?> coefficients = (List<?>) attributes.get("coefficients");
        double w0 = reference.optimumClassifier().coefficients()[0][0];
        assertEquals(60, coefficients.size());
        assertEquals((float) -w0, coefficients.get(0));
        assertEquals((float) w0, coefficients.get(30));
        double b = reference.optimumClassifier().intercepts()[0];
        assertEquals(List.of((float) -b, (float) b), attributes.get("intercepts"));
        assertEquals("LOGISTIC", attributes.get("post_transform"));
        assertEquals(List.of(0L, 1L), attributes.get("classlabels_ints"));
    }

    @Test
    void multinomialModelsUseSoftmax() throws IOException {
        PipelineModel model = ReferenceCase.of("iris__raw_C1").optimum();

        NodeProto classifier = ModelProto.parseFrom(exporter.export(model, provenance(model))).getGraph().getNode(0);

        assertEquals("SOFTMAX", attributes(classifier).get("post_transform"));
        assertEquals(12, ((List<?>) attributes(classifier).get("coefficients")).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"iris__standard_C1", "breast_cancer__robust_balanced_C1"})
    void stringClassLabelsComeBackAsStrings(String config) throws Exception {
        ReferenceCase reference = ReferenceCase.of(config);
        List<String> names = reference.optimum().classifier().classes().values().stream().map(v -> "class " + v).toList();
        PipelineModel model = reference.optimum(new ClassLabels(names, false));

        double[][] rows = ReferenceFiles.testRows(ReferenceFiles.setOf(config));
        Scored scored = score(exporter.export(model, provenance(model)), rows);

        String[] labels = (String[]) scored.labels;
        for (int i = 0; i < rows.length; i++) {
            double[] expected = model.predictProba(rows[i]);
            assertArrayEquals(expected, toDoubles(scored.probabilities[i]), PROBABILITY_TOLERANCE, config + " row " + i);
            assertEquals(names.get(argMax(expected)), labels[i], config + " row " + i);
        }
        assertTrue(List.of(labels).containsAll(names), "the test set has rows of every class");
    }

    @Test
    void graphHasTheSkl2onnxInterface() throws IOException {
        PipelineModel model = ReferenceCase.of("iris__standard_C1").optimum();

        ModelProto onnx = ModelProto.parseFrom(exporter.export(model, provenance(model)));

        assertEquals(8, onnx.getIrVersion());
        assertEquals(Map.of("", 15L, "ai.onnx.ml", 1L), onnx.getOpsetImportList().stream()
                .collect(Collectors.toMap(o -> o.getDomain(), o -> o.getVersion())));
        var input = onnx.getGraph().getInput(0);
        assertEquals("input", input.getName());
        assertEquals("N", input.getType().getTensorType().getShape().getDim(0).getDimParam());
        assertEquals(4, input.getType().getTensorType().getShape().getDim(1).getDimValue());
        assertEquals(List.of("label", "probabilities"),
                onnx.getGraph().getOutputList().stream().map(o -> o.getName()).toList());
    }

    @Test
    void provenanceIsInTheMetadataProps() throws Exception {
        PipelineModel model = ReferenceCase.of("seed__robust_balanced_C1").optimum();
        List<String> names = java.util.stream.IntStream.range(0, 10).mapToObj(j -> "x" + j).toList();

        byte[] onnx = exporter.export(model, new ModelProvenance("churn", 7, "sha256:abc", names));

        try (OrtSession session = environment.createSession(onnx)) {
            var metadata = session.getMetadata();
            Map<String, String> props = metadata.getCustomMetadata();
            assertEquals("churn", props.get("model_name"));
            assertEquals("7", props.get("model_version"));
            assertEquals("sha256:abc", props.get("training_fingerprint"));
            assertEquals("[\"x0\",\"x1\",\"x2\",\"x3\",\"x4\",\"x5\",\"x6\",\"x7\",\"x8\",\"x9\"]", props.get("feature_names"));
            assertEquals(OnnxExporter.PRODUCER_NAME, metadata.getProducerName());
            assertEquals(7, metadata.getVersion());
        }
    }

    @Test
    void sameModelGivesSameBytes() throws IOException {
        PipelineModel first = ReferenceCase.of("iris__robust_balanced_C1").optimum();
        PipelineModel second = ReferenceCase.of("iris__robust_balanced_C1").optimum();

        assertArrayEquals(exporter.export(first, provenance(first)), exporter.export(second, provenance(second)));
    }

    @Test
    void featureNamesMustMatchTheFeatureCount() throws IOException {
        PipelineModel model = ReferenceCase.of("iris__raw_C1").optimum();

        var e = assertThrows(IllegalArgumentException.class,
                () -> exporter.export(model, new ModelProvenance("iris", 1, "f", List.of("a", "b"))));

        assertEquals("2 feature names for 4 features", e.getMessage());
    }

    private static ModelProvenance provenance(PipelineModel model) {
        return new ModelProvenance("test-model", 1, "fingerprint", List.of());
    }

    private record Scored(Object labels, float[][] probabilities) {
    }

    /** Scores rows as float32, as a client sends them. */
    private static Scored score(byte[] onnx, double[][] data) throws OrtException {
        float[][] input = new float[data.length][];
        for (int i = 0; i < data.length; i++) {
            input[i] = new float[data[i].length];
            for (int j = 0; j < data[i].length; j++) {
                input[i][j] = (float) data[i][j];
            }
        }
        try (OrtSession session = environment.createSession(onnx);
             OnnxTensor tensor = OnnxTensor.createTensor(environment, input);
             OrtSession.Result result = session.run(Map.of("input", tensor))) {
            Object labels = result.get("label").orElseThrow().getValue();
            float[][] probabilities = (float[][]) result.get("probabilities").orElseThrow().getValue();
            return new Scored(labels, probabilities);
        }
    }

    private static Map<String, Object> attributes(NodeProto node) {
        return node.getAttributeList().stream().collect(Collectors.toMap(a -> a.getName(), a -> switch (a.getType()) {
            case FLOATS -> a.getFloatsList();
            case INTS -> a.getIntsList();
            case STRING -> a.getS().toStringUtf8();
            default -> a.toString();
        }));
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private static int argMax(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }
}
