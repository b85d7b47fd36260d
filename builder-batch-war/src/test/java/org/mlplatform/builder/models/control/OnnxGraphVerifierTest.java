package org.mlplatform.builder.models.control;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlplatform.builder.models.entity.ImportedGraph;
import org.mlplatform.builder.testing.Skl2OnnxGraphs;
import org.mlplatform.builder.testing.Skl2OnnxGraphs.Pipeline;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an imported graph must be, and what the refusal says when it is not. */
class OnnxGraphVerifierTest {

    private static final Pipeline BINARY = Pipeline.random(4, List.of(0L, 1L), 3);
    private static final Pipeline IRIS_LIKE = Pipeline.random(4, List.of("setosa", "versicolor", "virginica"), 5);

    private final OnnxGraphVerifier verifier = new OnnxGraphVerifier();

    @ParameterizedTest(name = "zipMap {0}")
    @ValueSource(booleans = {false, true})
    void acceptsWhatSkl2OnnxWritesWithAndWithoutZipMap(boolean zipMap) {
        ImportedGraph graph = verifier.verify(BINARY.onnx(zipMap), null, null);

        assertEquals(new ImportedGraph(4, "int64", array("[0, 1]"), List.of(), zipMap), graph);
    }

    @ParameterizedTest(name = "zipMap {0}")
    @ValueSource(booleans = {false, true})
    void takesStringLabelsAndFeatureNames(boolean zipMap) {
        ImportedGraph graph = verifier.verify(IRIS_LIKE.onnx(zipMap), array("[\"setosa\", \"versicolor\", \"virginica\"]"),
                List.of("sepal length", "sepal width", "petal length", "petal width"));

        assertEquals("string", graph.classLabelType());
        assertEquals(array("[\"setosa\", \"versicolor\", \"virginica\"]"), graph.classes());
        assertEquals(List.of("sepal length", "sepal width", "petal length", "petal width"), graph.featureNames());
    }

    @Test
    void zipMapLabelsMayBeGivenInAnyOrderAsTheyNameTheirColumns() {
        ImportedGraph graph = verifier.verify(IRIS_LIKE.onnx(true), array("[\"virginica\", \"setosa\", \"versicolor\"]"), null);

        assertEquals(array("[\"virginica\", \"setosa\", \"versicolor\"]"), graph.classes());
    }

    @Test
    void aFileThatIsNotOnnxIs415() {
        assertRefused(415, "onnx", "not an ONNX model", "1,2,3\n4,5,6\n".getBytes(StandardCharsets.UTF_8), null, null);
        assertRefused(415, "onnx", "not an ONNX model", new byte[0], null, null);
    }

    @Test
    void aGraphWithoutInputIsRefused() {
        byte[] constantInput = edit(BINARY.graph(false), model -> model.getGraphBuilder().clearInput().addNode(0,
                NodeProto.newBuilder().setOpType("Constant").addOutput(Skl2OnnxGraphs.INPUT)
                        .addAttribute(AttributeProto.newBuilder().setName("value").setType(AttributeProto.AttributeType.TENSOR)
                                .setT(TensorProto.newBuilder().setDataType(DataType.FLOAT.getNumber()).addDims(1).addDims(4)
                                        .addFloatData(0).addFloatData(0).addFloatData(0).addFloatData(0)))));

        assertRefused(400, "onnx", "the graph has 0 inputs [] ; it needs exactly one, float [N, F]".replace(" ;", ";"),
                constantInput, null, null);
    }

    @Test
    void aSecondInputIsRefused() {
        byte[] twoInputs = edit(BINARY.graph(false), model -> model.getGraphBuilder()
                .addInput(Skl2OnnxGraphs.tensor("unused", DataType.FLOAT, -1, 2)));

        assertRefused(400, "onnx", "the graph has 2 inputs", twoInputs, null, null);
    }

    @Test
    void anInputThatIsNotFloatOrNotOfFixedWidthIsRefused() {
        byte[] integers = edit(BINARY.graph(false), model -> model.getGraphBuilder()
                .setInput(0, Skl2OnnxGraphs.tensor(Skl2OnnxGraphs.INPUT, DataType.INT64, -1, 4)));
        byte[] symbolicWidth = edit(BINARY.graph(false), model -> model.getGraphBuilder()
                .setInput(0, Skl2OnnxGraphs.tensor(Skl2OnnxGraphs.INPUT, DataType.FLOAT, -1, -1)));

        assertRefused(400, "onnx", "it must be a float tensor [N, F]", integers, null, null);
        assertRefused(400, "onnx", "it must be [N, F] with a fixed number of features F", symbolicWidth, null, null);
    }

    @ParameterizedTest(name = "zipMap {0}")
    @ValueSource(booleans = {false, true})
    void aGraphWithoutProbabilitiesOrLabelsIsRefused(boolean zipMap) {
        byte[] labelsOnly = edit(BINARY.graph(zipMap), model -> model.getGraphBuilder().removeOutput(1));
        byte[] probabilitiesOnly = edit(BINARY.graph(zipMap), model -> model.getGraphBuilder().removeOutput(0));

        assertRefused(400, "onnx", "the graph has no probability output (named output_probability or probabilities)",
                labelsOnly, null, null);
        assertRefused(400, "onnx", "the graph has no label output (named label or output_label)", probabilitiesOnly, null, null);
    }

    @Test
    void theZipMapNameIsForTheZipMapOnly() {
        byte[] tensorUnderZipMapName = edit(BINARY.graph(false), model -> model.getGraphBuilder()
                .setNode(2, model.getGraph().getNode(2).toBuilder().setOutput(0, "output_probability"))
                .setOutput(1, model.getGraph().getOutput(1).toBuilder().setName("output_probability")));

        assertRefused(400, "onnx", "under this name it must be skl2onnx's ZipMap", tensorUnderZipMapName, null, null);
    }

    @Test
    void givenClassesMustFitTheGraph() {
        byte[] binary = BINARY.onnx(false);

        assertRefused(400, "classes", "3 classes given, but the graph gives 2 probabilities per row", binary, array("[0, 1, 2]"), null);
        assertRefused(400, "classes", "so classes must be JSON integers", binary, array("[\"no\", \"yes\"]"), null);
        assertRefused(400, "classes", "differ from the labels the graph states, [0, 1]", binary, array("[1, 0]"), null);
        assertRefused(400, "classes", "differ from the labels the graph states", BINARY.onnx(true), array("[0, 2]"), null);
        assertRefused(400, "classes", "repeat a label", binary, array("[1, 1]"), null);
    }

    @Test
    void featureNamesMustNameEveryColumn() {
        assertRefused(400, "featureNames", "2 feature names for the 4 features of input 'float_input'", BINARY.onnx(true), null,
                List.of("a", "b"));
    }

    @Test
    void labelsTheGraphDoesNotStateMustBeGiven() {
        byte[] relabelled = edit(BINARY.graph(false), model -> model.getGraphBuilder()
                .setNode(1, model.getGraph().getNode(1).toBuilder().setOutput(0, "raw_label"))
                .addNode(NodeProto.newBuilder().setOpType("Identity").addInput("raw_label").addOutput("label")));

        assertRefused(400, "classes", "the graph does not state its 2 class labels", relabelled, null, null);
        assertEquals(array("[7, 9]"), verifier.verify(relabelled, array("[7, 9]"), null).classes());
    }

    private void assertRefused(int status, String field, String detail, byte[] onnx, JsonArray classes, List<String> names) {
        RegistryException refused = assertThrows(RegistryException.class, () -> verifier.verify(onnx, classes, names));
        assertEquals(status, refused.status(), refused.getMessage());
        assertEquals(field, refused.field(), refused.getMessage());
        assertTrue(refused.getMessage().contains(detail), refused.getMessage());
    }

    private static byte[] edit(ModelProto model, Consumer<ModelProto.Builder> change) {
        ModelProto.Builder builder = model.toBuilder();
        change.accept(builder);
        return builder.build().toByteArray();
    }

    private static JsonArray array(String json) {
        return Json.createReader(new StringReader(json)).readArray();
    }
}
