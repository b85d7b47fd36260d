package org.mlplatform.inference.testing;

import java.util.ArrayList;
import java.util.List;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;

/**
 * Builds the ONNX graphs the service serves, the way skl2onnx writes {@code Pipeline(scaler,
 * LogisticRegression)} with {@code zipmap=False}: optional ai.onnx.ml Scaler, then LinearClassifier
 * (binary as two rows [-w; w]), outputs {@code label} and {@code probabilities}. Test-only stand-in
 * for pipeline-ejb's exporter, which the inference WAR must not depend on.
 */
public final class OnnxTestModels {

    private static final String ML = "ai.onnx.ml";

    private OnnxTestModels() {
    }

    /**
     * @param coefficients K x F (K = 1 for binary)
     * @param offset       scaler centre, or null for no scaler
     * @param scale        scaler multiplier (1 / scale_), or null
     * @param stringClasses class names for a string-labelled model, or null for labels 0..K'-1
     */
    public static byte[] logisticRegression(double[][] coefficients, double[] intercepts, double[] offset, double[] scale,
                                            String[] stringClasses) {
        int features = coefficients[0].length;
        boolean binary = coefficients.length == 1;
        int classes = binary ? 2 : coefficients.length;
        List<Float> weights = new ArrayList<>();
        List<Float> biases = new ArrayList<>();
        if (binary) {
            for (double w : coefficients[0]) {
                weights.add((float) -w);
            }
            for (double w : coefficients[0]) {
                weights.add((float) w);
            }
            biases.add((float) -intercepts[0]);
            biases.add((float) intercepts[0]);
        } else {
            for (double[] row : coefficients) {
                for (double w : row) {
                    weights.add((float) w);
                }
            }
            for (double b : intercepts) {
                biases.add((float) b);
            }
        }
        GraphProto.Builder graph = GraphProto.newBuilder().setName("logistic_regression")
                .addInput(tensor("input", TensorProto.DataType.FLOAT, -1, features));
        String classifierInput = "input";
        if (offset != null) {
            graph.addNode(NodeProto.newBuilder().setOpType("Scaler").setDomain(ML).setName("scaler")
                    .addInput("input").addOutput("scaled")
                    .addAttribute(floats("offset", offset))
                    .addAttribute(floats("scale", scale)));
            classifierInput = "scaled";
        }
        NodeProto.Builder classifier = NodeProto.newBuilder().setOpType("LinearClassifier").setDomain(ML).setName("classifier")
                .addInput(classifierInput).addOutput("label").addOutput("probabilities")
                .addAttribute(AttributeProto.newBuilder().setName("coefficients").setType(AttributeType.FLOATS).addAllFloats(weights))
                .addAttribute(AttributeProto.newBuilder().setName("intercepts").setType(AttributeType.FLOATS).addAllFloats(biases))
                .addAttribute(AttributeProto.newBuilder().setName("multi_class").setType(AttributeType.INT).setI(0))
                .addAttribute(AttributeProto.newBuilder().setName("post_transform").setType(AttributeType.STRING)
                        .setS(ByteString.copyFromUtf8(binary ? "LOGISTIC" : "SOFTMAX")));
        if (stringClasses != null) {
            AttributeProto.Builder labels = AttributeProto.newBuilder().setName("classlabels_strings").setType(AttributeType.STRINGS);
            for (String name : stringClasses) {
                labels.addStrings(ByteString.copyFromUtf8(name));
            }
            classifier.addAttribute(labels);
        } else {
            AttributeProto.Builder labels = AttributeProto.newBuilder().setName("classlabels_ints").setType(AttributeType.INTS);
            for (int k = 0; k < classes; k++) {
                labels.addInts(k);
            }
            classifier.addAttribute(labels);
        }
        graph.addNode(classifier)
                .addOutput(tensor("label", stringClasses != null ? TensorProto.DataType.STRING : TensorProto.DataType.INT64, -1))
                .addOutput(tensor("probabilities", TensorProto.DataType.FLOAT, -1, classes));
        return model(graph);
    }

    /**
     * The same graph with skl2onnx's default ZipMap output: the classifier's outputs go through an Identity to
     * {@code output_label} and a ZipMap to {@code output_probability}, a sequence of maps from label to probability.
     */
    public static byte[] withZipMap(byte[] graph) {
        ModelProto model;
        try {
            model = ModelProto.parseFrom(graph);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalArgumentException(e);
        }
        GraphProto.Builder builder = model.getGraph().toBuilder();
        int last = builder.getNodeCount() - 1;
        NodeProto classifier = builder.getNode(last);
        builder.setNode(last, classifier.toBuilder().setOutput(0, "label_tensor").setOutput(1, "probability_tensor"));
        AttributeProto labels = classifier.getAttributeList().stream()
                .filter(a -> a.getName().startsWith("classlabels_")).findFirst().orElseThrow();
        boolean strings = labels.getName().equals("classlabels_strings");
        TensorProto.DataType labelType = strings ? TensorProto.DataType.STRING : TensorProto.DataType.INT64;
        builder.addNode(NodeProto.newBuilder().setOpType("Identity").setName("label_copy")
                        .addInput("label_tensor").addOutput("output_label"))
                .addNode(NodeProto.newBuilder().setOpType("ZipMap").setDomain(ML).setName("zipmap")
                        .addInput("probability_tensor").addOutput("output_probability")
                        .addAttribute(labels.toBuilder().setName(strings ? "classlabels_strings" : "classlabels_int64s")))
                .clearOutput()
                .addOutput(tensor("output_label", labelType, -1))
                .addOutput(ValueInfoProto.newBuilder().setName("output_probability")
                        .setType(TypeProto.newBuilder().setSequenceType(TypeProto.Sequence.newBuilder()
                                .setElemType(TypeProto.newBuilder().setMapType(TypeProto.Map.newBuilder()
                                        .setKeyType(labelType.getNumber())
                                        .setValueType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                                                .setElemType(TensorProto.DataType.FLOAT.getNumber()))))))));
        return model.toBuilder().setGraph(builder).build().toByteArray();
    }

    /** A graph that is valid ONNX but not servable: its outputs are named {@code output_label} and {@code output_probability}. */
    public static byte[] wronglyNamedOutputs(int features) {
        GraphProto.Builder graph = GraphProto.newBuilder().setName("zipmap_style")
                .addInput(tensor("input", TensorProto.DataType.FLOAT, -1, features))
                .addNode(NodeProto.newBuilder().setOpType("Identity").setName("copy").addInput("input").addOutput("output_probability"))
                .addNode(NodeProto.newBuilder().setOpType("ArgMax").setName("argmax").addInput("input").addOutput("output_label")
                        .addAttribute(AttributeProto.newBuilder().setName("axis").setType(AttributeType.INT).setI(1))
                        .addAttribute(AttributeProto.newBuilder().setName("keepdims").setType(AttributeType.INT).setI(0)))
                .addOutput(tensor("output_label", TensorProto.DataType.INT64, -1))
                .addOutput(tensor("output_probability", TensorProto.DataType.FLOAT, -1, features));
        return model(graph);
    }

    private static byte[] model(GraphProto.Builder graph) {
        return ModelProto.newBuilder()
                .setIrVersion(8)
                .setProducerName("inference-rest-war tests")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(ML).setVersion(1))
                .setGraph(graph)
                .build()
                .toByteArray();
    }

    private static AttributeProto floats(String name, double[] values) {
        AttributeProto.Builder attribute = AttributeProto.newBuilder().setName(name).setType(AttributeType.FLOATS);
        for (double value : values) {
            attribute.addFloats((float) value);
        }
        return attribute.build();
    }

    /** A tensor value; a negative dimension is the symbolic batch size N. */
    private static ValueInfoProto tensor(String name, TensorProto.DataType type, long... shape) {
        TensorShapeProto.Builder dims = TensorShapeProto.newBuilder();
        for (long dimension : shape) {
            dims.addDim(dimension < 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam("N")
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(dimension));
        }
        return ValueInfoProto.newBuilder().setName(name)
                .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(dims)))
                .build();
    }
}
