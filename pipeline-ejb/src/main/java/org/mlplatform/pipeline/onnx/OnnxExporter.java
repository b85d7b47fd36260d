package org.mlplatform.pipeline.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import org.mlplatform.pipeline.PipelineModel;
import org.mlplatform.pipeline.dataset.ClassLabels;
import org.mlplatform.pipeline.preprocessing.FittedScaler;
import org.mlplatform.pipeline.preprocessing.ScalerKind;
import org.mlplatform.pipeline.training.LogisticRegressionModel;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Writes a {@link PipelineModel} as the ONNX graph skl2onnx produces for
 * {@code Pipeline(scaler, LogisticRegression)} with {@code zipmap=False}: input {@code input}
 * float[N, F], an {@code ai.onnx.ml} {@code Scaler} (left out for raw features), then an
 * {@code ai.onnx.ml} {@code LinearClassifier} with outputs {@code label} [N] and
 * {@code probabilities} float[N, K]. The same model and provenance always give the same bytes.
 */
public final class OnnxExporter {

    public static final String INPUT = "input";
    public static final String LABEL = "label";
    public static final String PROBABILITIES = "probabilities";

    /** IR 8 with these opsets is what the onnx 1.12 checker (Debian python3-onnx) accepts. */
    public static final long IR_VERSION = 8;
    public static final long DEFAULT_OPSET = 15;
    public static final long ML_OPSET = 1;
    public static final String ML_DOMAIN = "ai.onnx.ml";

    public static final String PRODUCER_NAME = "org.mlplatform.pipeline";
    /** Version of this exporter's graph layout, not of the project build. */
    public static final String PRODUCER_VERSION = "1";

    public static final String PROP_MODEL_NAME = "model_name";
    public static final String PROP_MODEL_VERSION = "model_version";
    public static final String PROP_TRAINING_FINGERPRINT = "training_fingerprint";
    public static final String PROP_FEATURE_NAMES = "feature_names";

    private static final String SCALED = "variable";
    private static final String BATCH_DIMENSION = "N";

    public byte[] export(PipelineModel model, ModelProvenance provenance) {
        LogisticRegressionModel classifier = model.classifier();
        int features = classifier.featureCount();
        int classes = classifier.classes().size();
        checkShapes(model, provenance, features, classes);

        GraphProto.Builder graph = GraphProto.newBuilder()
                .setName(provenance.modelName())
                .addInput(tensor(INPUT, DataType.FLOAT, dynamicBatch(), fixed(features)))
                .addOutput(tensor(LABEL, labelType(classifier.classes()), dynamicBatch()))
                .addOutput(tensor(PROBABILITIES, DataType.FLOAT, dynamicBatch(), fixed(classes)));
        String classifierInput = INPUT;
        if (model.scaler().kind() != ScalerKind.NONE) {
            graph.addNode(scalerNode(model.scaler()));
            classifierInput = SCALED;
        }
        graph.addNode(classifierNode(classifier, classifierInput));

        ModelProto onnx = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(DEFAULT_OPSET))
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(ML_DOMAIN).setVersion(ML_OPSET))
                .setProducerName(PRODUCER_NAME)
                .setProducerVersion(PRODUCER_VERSION)
                .setDomain("org.mlplatform")
                .setModelVersion(provenance.version())
                .setDocString("L2 logistic regression" + (model.scaler().kind() == ScalerKind.NONE
                        ? "" : " after a " + model.scaler().kind().name().toLowerCase(Locale.ROOT) + " scaler"))
                .setGraph(graph)
                .addMetadataProps(property(PROP_MODEL_NAME, provenance.modelName()))
                .addMetadataProps(property(PROP_MODEL_VERSION, Integer.toString(provenance.version())))
                .addMetadataProps(property(PROP_TRAINING_FINGERPRINT, provenance.trainingFingerprint()))
                .addMetadataProps(property(PROP_FEATURE_NAMES, jsonArray(provenance)))
                .build();
        return onnx.toByteArray();
    }

    private static void checkShapes(PipelineModel model, ModelProvenance provenance, int features, int classes) {
        LogisticRegressionModel classifier = model.classifier();
        int rows = classifier.coefficients().length;
        if (classes < 2 || (classes == 2 ? rows != 1 : rows != classes)) {
            throw new IllegalArgumentException(classes + " classes need " + (classes == 2 ? 1 : classes)
                    + " coefficient rows, the model has " + rows);
        }
        if (model.scaler().center().length != features) {
            throw new IllegalArgumentException("the scaler has " + model.scaler().center().length
                    + " columns, the classifier " + features);
        }
        if (!provenance.featureNames().isEmpty() && provenance.featureNames().size() != features) {
            throw new IllegalArgumentException(provenance.featureNames().size() + " feature names for "
                    + features + " features");
        }
    }

    private static NodeProto scalerNode(FittedScaler scaler) {
        AttributeProto.Builder offset = floats("offset");
        AttributeProto.Builder scale = floats("scale");
        for (int j = 0; j < scaler.center().length; j++) {
            offset.addFloats((float) scaler.center()[j]);
            scale.addFloats((float) (1.0 / scaler.scale()[j]));
        }
        return NodeProto.newBuilder()
                .setName("Scaler").setOpType("Scaler").setDomain(ML_DOMAIN)
                .addInput(INPUT).addOutput(SCALED)
                .addAttribute(offset).addAttribute(scale)
                .build();
    }

    /**
     * A binary model's single logit row w becomes rows [-w; w] with LOGISTIC, which gives
     * sigmoid(-z) and sigmoid(z): the two probabilities, read the same way by every runtime.
     */
    private static NodeProto classifierNode(LogisticRegressionModel classifier, String input) {
        double[][] w = classifier.coefficients();
        double[] b = classifier.intercepts();
        boolean binary = w.length == 1;
        AttributeProto.Builder coefficients = floats("coefficients");
        AttributeProto.Builder intercepts = floats("intercepts");
        if (binary) {
            for (double v : w[0]) {
                coefficients.addFloats((float) -v);
            }
            for (double v : w[0]) {
                coefficients.addFloats((float) v);
            }
            intercepts.addFloats((float) -b[0]).addFloats((float) b[0]);
        } else {
            for (double[] row : w) {
                for (double v : row) {
                    coefficients.addFloats((float) v);
                }
            }
            for (double v : b) {
                intercepts.addFloats((float) v);
            }
        }
        return NodeProto.newBuilder()
                .setName("LinearClassifier").setOpType("LinearClassifier").setDomain(ML_DOMAIN)
                .addInput(input).addOutput(LABEL).addOutput(PROBABILITIES)
                .addAttribute(classLabels(classifier.classes()))
                .addAttribute(coefficients)
                .addAttribute(intercepts)
                .addAttribute(AttributeProto.newBuilder().setName("post_transform").setType(AttributeType.STRING)
                        .setS(ByteString.copyFromUtf8(binary ? "LOGISTIC" : "SOFTMAX")))
                .build();
    }

    private static AttributeProto classLabels(ClassLabels labels) {
        if (labels.integer()) {
            AttributeProto.Builder ints = AttributeProto.newBuilder().setName("classlabels_ints").setType(AttributeType.INTS);
            for (long label : labels.asLongs()) {
                ints.addInts(label);
            }
            return ints.build();
        }
        AttributeProto.Builder strings = AttributeProto.newBuilder().setName("classlabels_strings")
                .setType(AttributeType.STRINGS);
        for (String label : labels.values()) {
            strings.addStrings(ByteString.copyFrom(label, StandardCharsets.UTF_8));
        }
        return strings.build();
    }

    private static DataType labelType(ClassLabels labels) {
        return labels.integer() ? DataType.INT64 : DataType.STRING;
    }

    private static AttributeProto.Builder floats(String name) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.FLOATS);
    }

    private static TensorShapeProto.Dimension dynamicBatch() {
        return TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH_DIMENSION).build();
    }

    private static TensorShapeProto.Dimension fixed(long size) {
        return TensorShapeProto.Dimension.newBuilder().setDimValue(size).build();
    }

    private static ValueInfoProto tensor(String name, DataType type, TensorShapeProto.Dimension... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (TensorShapeProto.Dimension dim : dims) {
            shape.addDim(dim);
        }
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                        .setElemType(type.getNumber()).setShape(shape)))
                .build();
    }

    private static StringStringEntryProto property(String key, String value) {
        return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    private static String jsonArray(ModelProvenance provenance) {
        JsonArrayBuilder names = Json.createArrayBuilder();
        provenance.featureNames().forEach(names::add);
        return names.build().toString();
    }
}
