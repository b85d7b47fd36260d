package org.mlplatform.pipeline.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import org.mlplatform.pipeline.PipelineModel;
import org.mlplatform.pipeline.dataset.ClassLabels;
import org.mlplatform.pipeline.preprocessing.FittedScaler;
import org.mlplatform.pipeline.preprocessing.ScalerKind;
import org.mlplatform.pipeline.training.FittedClassifier;

import java.util.Locale;

/**
 * Writes a {@link PipelineModel} as the ONNX graph skl2onnx produces for {@code Pipeline(scaler, classifier)}
 * with {@code zipmap=False}: input {@code input} float[N, F], an {@code ai.onnx.ml} {@code Scaler} (left out
 * for raw features), then the classifier's own nodes ({@link OnnxExportable}, e.g. an {@code ai.onnx.ml}
 * {@code LinearClassifier}) with outputs {@code label} [N] and {@code probabilities} float[N, K]. The same
 * model and provenance always give the same bytes.
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
        FittedClassifier classifier = model.classifier();
        int features = classifier.featureCount();
        int classes = classifier.classes().size();
        checkShapes(model, provenance, features);

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
        graph.addAllNode(classifier.onnxNodes(classifierInput, LABEL, PROBABILITIES));

        ModelProto onnx = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(DEFAULT_OPSET))
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(ML_DOMAIN).setVersion(ML_OPSET))
                .setProducerName(PRODUCER_NAME)
                .setProducerVersion(PRODUCER_VERSION)
                .setDomain("org.mlplatform")
                .setModelVersion(provenance.version())
                .setDocString(classifier.onnxDocString() + (model.scaler().kind() == ScalerKind.NONE
                        ? "" : " after a " + model.scaler().kind().name().toLowerCase(Locale.ROOT) + " scaler"))
                .setGraph(graph)
                .addMetadataProps(property(PROP_MODEL_NAME, provenance.modelName()))
                .addMetadataProps(property(PROP_MODEL_VERSION, Integer.toString(provenance.version())))
                .addMetadataProps(property(PROP_TRAINING_FINGERPRINT, provenance.trainingFingerprint()))
                .addMetadataProps(property(PROP_FEATURE_NAMES, jsonArray(provenance)))
                .build();
        return onnx.toByteArray();
    }

    private static void checkShapes(PipelineModel model, ModelProvenance provenance, int features) {
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
        AttributeProto.Builder offset = OnnxAttributes.floats("offset");
        AttributeProto.Builder scale = OnnxAttributes.floats("scale");
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

    private static DataType labelType(ClassLabels labels) {
        return labels.integer() ? DataType.INT64 : DataType.STRING;
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
