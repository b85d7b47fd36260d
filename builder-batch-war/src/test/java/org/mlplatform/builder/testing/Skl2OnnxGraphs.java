package org.mlplatform.builder.testing;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import org.mlplatform.pipeline.onnx.OnnxAttributes;

import java.util.List;
import java.util.Random;

/**
 * ONNX graphs as skl2onnx writes {@code Pipeline(StandardScaler, LogisticRegression)}: input
 * {@code float_input} float [N, F], {@code Scaler}, {@code LinearClassifier} (a binary model as rows
 * [-w; w] with LOGISTIC), {@code Normalizer} (L1); then with {@code zipmap=False} the outputs {@code label}
 * and {@code probabilities} float [N, K], or with the default ZipMap {@code output_label} and
 * {@code output_probability}, a sequence of maps from label to probability.
 */
public final class Skl2OnnxGraphs {

    public static final String INPUT = "float_input";
    private static final String ML = "ai.onnx.ml";

    /**
     * A fitted pipeline of this shape, its numbers drawn from {@code seed}.
     *
     * @param labels the class labels in column order, all {@code Long} or all {@code String}; 2 make a binary model
     */
    public record Pipeline(double[] offset, double[] scale, double[][] coefficients, double[] intercepts, List<?> labels) {

        public static Pipeline random(int features, List<?> labels, long seed) {
            Random random = new Random(seed);
            int rows = labels.size() == 2 ? 1 : labels.size();
            double[][] coefficients = new double[rows][];
            for (int k = 0; k < rows; k++) {
                coefficients[k] = random.doubles(features, -2, 2).toArray();
            }
            return new Pipeline(random.doubles(features, -1, 1).toArray(), random.doubles(features, 0.5, 2).toArray(),
                    coefficients, random.doubles(rows, -1, 1).toArray(), labels);
        }

        public int features() {
            return offset.length;
        }

        /** The graph as skl2onnx writes it, with its default ZipMap output or without ({@code zipmap=False}). */
        public byte[] onnx(boolean zipMap) {
            return graph(zipMap).toByteArray();
        }

        public ModelProto graph(boolean zipMap) {
            boolean strings = labels.get(0) instanceof String;
            GraphProto.Builder graph = GraphProto.newBuilder().setName("pipeline_logistic_regression")
                    .addInput(tensor(INPUT, DataType.FLOAT, -1, features()))
                    .addNode(NodeProto.newBuilder().setName("Scaler").setOpType("Scaler").setDomain(ML)
                            .addInput(INPUT).addOutput("variable")
                            .addAttribute(floats("offset", offset)).addAttribute(floats("scale", scale)))
                    .addNode(NodeProto.newBuilder().setName("LinearClassifier").setOpType("LinearClassifier").setDomain(ML)
                            .addInput("variable").addOutput("label").addOutput("probability_tensor")
                            .addAttribute(labelsAttribute(strings ? "classlabels_strings" : "classlabels_ints"))
                            .addAttribute(floats("coefficients", flattened()))
                            .addAttribute(floats("intercepts", binaryIntercepts()))
                            .addAttribute(AttributeProto.newBuilder().setName("multi_class").setType(AttributeType.INT).setI(0))
                            .addAttribute(OnnxAttributes.string("post_transform", coefficients.length == 1 ? "LOGISTIC" : "SOFTMAX")))
                    .addNode(NodeProto.newBuilder().setName("Normalizer").setOpType("Normalizer").setDomain(ML)
                            .addInput("probability_tensor").addOutput("probabilities")
                            .addAttribute(OnnxAttributes.string("norm", "L1")));
            DataType labelType = strings ? DataType.STRING : DataType.INT64;
            if (zipMap) {
                graph.addNode(NodeProto.newBuilder().setName("Identity").setOpType("Identity")
                                .addInput("label").addOutput("output_label"))
                        .addNode(NodeProto.newBuilder().setName("ZipMap").setOpType("ZipMap").setDomain(ML)
                                .addInput("probabilities").addOutput("output_probability")
                                .addAttribute(labelsAttribute(strings ? "classlabels_strings" : "classlabels_int64s")))
                        .addOutput(tensor("output_label", labelType, -1))
                        .addOutput(ValueInfoProto.newBuilder().setName("output_probability")
                                .setType(TypeProto.newBuilder().setSequenceType(TypeProto.Sequence.newBuilder()
                                        .setElemType(TypeProto.newBuilder().setMapType(TypeProto.Map.newBuilder()
                                                .setKeyType(labelType.getNumber())
                                                .setValueType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                                                        .setElemType(DataType.FLOAT.getNumber()))))))));
            } else {
                graph.addOutput(tensor("label", labelType, -1))
                        .addOutput(tensor("probabilities", DataType.FLOAT, -1, labels.size()));
            }
            return ModelProto.newBuilder()
                    .setIrVersion(8)
                    .setProducerName("skl2onnx")
                    .setProducerVersion("1.16.0")
                    .setDomain("ai.onnx")
                    .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(15))
                    .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(ML).setVersion(1))
                    .setGraph(graph)
                    .build();
        }

        /** The probabilities scikit-learn's {@code predict_proba} gives for a raw row, in float64. */
        public double[] predictProba(float[] row) {
            double[] logits = new double[coefficients.length];
            for (int k = 0; k < coefficients.length; k++) {
                logits[k] = intercepts[k];
                for (int j = 0; j < features(); j++) {
                    logits[k] += coefficients[k][j] * (row[j] - offset[j]) * scale[j];
                }
            }
            if (logits.length == 1) {
                double p = 1 / (1 + Math.exp(-logits[0]));
                return new double[] {1 - p, p};
            }
            double sum = 0;
            double[] p = new double[logits.length];
            for (int k = 0; k < p.length; k++) {
                p[k] = Math.exp(logits[k]);
                sum += p[k];
            }
            for (int k = 0; k < p.length; k++) {
                p[k] /= sum;
            }
            return p;
        }

        private double[] flattened() {
            if (coefficients.length == 1) {
                double[] both = new double[2 * features()];
                for (int j = 0; j < features(); j++) {
                    both[j] = -coefficients[0][j];
                    both[features() + j] = coefficients[0][j];
                }
                return both;
            }
            double[] all = new double[coefficients.length * features()];
            for (int k = 0; k < coefficients.length; k++) {
                System.arraycopy(coefficients[k], 0, all, k * features(), features());
            }
            return all;
        }

        private double[] binaryIntercepts() {
            return coefficients.length == 1 ? new double[] {-intercepts[0], intercepts[0]} : intercepts;
        }

        private AttributeProto labelsAttribute(String name) {
            AttributeProto.Builder attribute = AttributeProto.newBuilder().setName(name);
            if (name.equals("classlabels_strings")) {
                attribute.setType(AttributeType.STRINGS);
                labels.forEach(label -> attribute.addStrings(ByteString.copyFromUtf8((String) label)));
            } else {
                attribute.setType(AttributeType.INTS);
                labels.forEach(label -> attribute.addInts((Long) label));
            }
            return attribute.build();
        }
    }

    private Skl2OnnxGraphs() {
    }

    private static AttributeProto floats(String name, double[] values) {
        AttributeProto.Builder attribute = OnnxAttributes.floats(name);
        for (double value : values) {
            attribute.addFloats((float) value);
        }
        return attribute.build();
    }

    /** A tensor value; a negative dimension is the symbolic batch size N. */
    public static ValueInfoProto tensor(String name, DataType type, long... shape) {
        TensorShapeProto.Builder dims = TensorShapeProto.newBuilder();
        for (long dimension : shape) {
            dims.addDim(dimension < 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam("N")
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(dimension));
        }
        return ValueInfoProto.newBuilder().setName(name)
                .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                        .setElemType(type.getNumber()).setShape(dims)))
                .build();
    }
}
