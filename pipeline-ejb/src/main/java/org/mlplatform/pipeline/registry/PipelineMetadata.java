package org.mlplatform.pipeline.registry;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.InvalidProtocolBufferException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.mlplatform.pipeline.PipelineModel;
import org.mlplatform.pipeline.TrainingParameters;
import org.mlplatform.pipeline.dataset.ClassLabels;
import org.mlplatform.pipeline.dataset.Dataset;
import org.mlplatform.pipeline.evaluation.CrossValidationResult;
import org.mlplatform.pipeline.evaluation.Metrics;
import org.mlplatform.pipeline.onnx.ModelProvenance;
import org.mlplatform.pipeline.preprocessing.FittedScaler;
import org.mlplatform.pipeline.training.FitReport;
import org.mlplatform.repository.ContentDigest;
import org.mlplatform.repository.ModelMetadata;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fills the repository's {@link ModelMetadata} from what the pipeline fitted, evaluated and
 * exported; the records themselves, and how they are written, belong to the model-repository module.
 */
public final class PipelineMetadata {

    private PipelineMetadata() {
    }

    /**
     * Everything that follows from the fitted pipeline, its trainer's parameters, its provenance and its
     * ONNX bytes; the caller adds what only it knows.
     *
     * @param algorithmParams the trainer's {@link org.mlplatform.pipeline.training.ClassifierTrainer#parameters()}
     * @param metrics         may be null when neither cross-validation nor a test set was run
     * @param features        the drift baseline of the training rows; null when not known
     * @param roc             the evaluation's ROC curves; null when nothing was evaluated
     */
    public static ModelMetadata describe(PipelineModel pipeline, JsonObject algorithmParams, ModelProvenance provenance,
                                         byte[] onnx, ModelMetadata.Params params, ModelMetadata.DatasetSummary dataset,
                                         ModelMetadata.Metrics metrics, List<ModelMetadata.FeatureDistribution> features,
                                         ModelMetadata.RocCurves roc, Instant createdAt) {
        ClassLabels labels = pipeline.classifier().classes();
        JsonArrayBuilder classes = Json.createArrayBuilder();
        if (labels.integer()) {
            for (long label : labels.asLongs()) {
                classes.add(label);
            }
        } else {
            labels.values().forEach(classes::add);
        }
        JsonObject description = pipeline.classifier().describe();
        JsonObjectBuilder algorithm = Json.createObjectBuilder().add("name", description.get("name"))
                .add("params", algorithmParams);
        description.forEach((key, value) -> {
            if (!key.equals("name")) {
                algorithm.add(key, value);
            }
        });
        return new ModelMetadata(ModelMetadata.FORMAT_VERSION, provenance.modelName(), provenance.version(),
                timestamp(createdAt), ModelMetadata.SOURCE_TRAINED, provenance.trainingFingerprint(),
                labels.integer() ? "int64" : "string", classes.build(), pipeline.classifier().featureCount(),
                provenance.featureNames(), params, scaler(pipeline.scaler()), null, null, algorithm.build(),
                training(pipeline.classifier().report()), dataset, metrics, features, roc, onnx(onnx));
    }

    /**
     * An ONNX graph trained elsewhere: only what the graph and the importer say. Training sections
     * ({@code params}, {@code scaler}, {@code algorithm}, {@code training}, {@code dataset}, {@code metrics})
     * and the training fingerprint are left out.
     *
     * @param classes        labels in probability-column order, JSON integers ({@code int64}) or strings
     * @param classLabelType {@code int64} or {@code string}, the type of the graph's label output
     */
    public static ModelMetadata imported(String model, int version, byte[] onnx, String classLabelType,
                                         JsonArray classes, int featureCount, List<String> featureNames,
                                         Instant createdAt) {
        return new ModelMetadata(ModelMetadata.FORMAT_VERSION, model, version, timestamp(createdAt),
                ModelMetadata.SOURCE_IMPORTED, null, classLabelType, classes, featureCount, featureNames, null, null,
                null, null, null, null, null, null, null, null, onnx(onnx));
    }

    private static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** The hyper-parameters, named as the command-line options. */
    public static ModelMetadata.Params params(TrainingParameters parameters) {
        var algorithm = parameters.algorithm();
        var pipeline = parameters.pipeline();
        return new ModelMetadata.Params(algorithm.c(), algorithm.classWeight().name(), pipeline.scaler().name(),
                pipeline.resample().name(), algorithm.tol(), algorithm.maxIter(), pipeline.cvFolds(), pipeline.seed());
    }

    /** @param files SHA-256 of each input file, by file name */
    public static ModelMetadata.DatasetSummary dataset(Map<String, String> files, Dataset training) {
        Map<String, Integer> counts = new TreeMap<>();
        int[] perClass = training.classCounts();
        for (int k = 0; k < perClass.length; k++) {
            counts.put(training.classes().get(k), perClass[k]);
        }
        return new ModelMetadata.DatasetSummary(files, training.rows(), counts);
    }

    /** Null when neither cross-validation nor a test set was run. */
    public static ModelMetadata.Metrics metrics(CrossValidationResult cv, Metrics test) {
        if (cv == null && test == null) {
            return null;
        }
        return new ModelMetadata.Metrics(cv == null ? null : crossValidation(cv), test == null ? null : scores(test));
    }

    /** The {@code onnx} section: digest, IR version, opsets and the graph's inputs and outputs. */
    public static ModelMetadata.Onnx onnx(byte[] onnx) {
        ModelProto model;
        try {
            model = ModelProto.parseFrom(onnx);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not an ONNX model: " + e.getMessage(), e);
        }
        Map<String, Long> opsets = new TreeMap<>();
        model.getOpsetImportList().forEach(o -> opsets.put(o.getDomain().isEmpty() ? "ai.onnx" : o.getDomain(),
                o.getVersion()));
        return new ModelMetadata.Onnx(ContentDigest.sha256(onnx), model.getIrVersion(), opsets,
                model.getGraph().getInputList().stream().map(PipelineMetadata::tensor).toList(),
                model.getGraph().getOutputList().stream().map(PipelineMetadata::tensor).toList());
    }

    private static ModelMetadata.Scaler scaler(FittedScaler scaler) {
        return new ModelMetadata.Scaler(scaler.kind().name(), scaler.center(), scaler.scale());
    }

    private static ModelMetadata.Training training(FitReport report) {
        return new ModelMetadata.Training(report.solver(), report.iterations(), report.objective(),
                report.gradientMaxNorm(), report.seconds(), report.converged());
    }

    private static ModelMetadata.CrossValidation crossValidation(CrossValidationResult cv) {
        return new ModelMetadata.CrossValidation(cv.folds().size(), cv.meanAccuracy(), cv.meanLogLoss(),
                cv.meanRocAuc(), cv.folds().stream().map(PipelineMetadata::scores).toList());
    }

    private static ModelMetadata.Scores scores(Metrics metrics) {
        return new ModelMetadata.Scores(metrics.rows(), metrics.accuracy(), metrics.logLoss(), metrics.rocAuc(),
                metrics.confusionMatrix());
    }

    private static ModelMetadata.Tensor tensor(ValueInfoProto value) {
        if (value.getType().hasSequenceType()) {
            return new ModelMetadata.Tensor(value.getName(), typeName(value.getType()), List.of());
        }
        var tensor = value.getType().getTensorType();
        var shape = tensor.getShape().getDimList().stream()
                .map(d -> d.getValueCase() == TensorShapeProto.Dimension.ValueCase.DIM_VALUE ? d.getDimValue() : -1L)
                .toList();
        return new ModelMetadata.Tensor(value.getName(), elementType(tensor.getElemType()), shape);
    }

    /** skl2onnx's ZipMap output: {@code seq(map(int64,float))}. */
    private static String typeName(TypeProto type) {
        return switch (type.getValueCase()) {
            case SEQUENCE_TYPE -> "seq(" + typeName(type.getSequenceType().getElemType()) + ")";
            case MAP_TYPE -> "map(" + elementType(type.getMapType().getKeyType()) + ","
                    + typeName(type.getMapType().getValueType()) + ")";
            case TENSOR_TYPE -> elementType(type.getTensorType().getElemType());
            default -> type.getValueCase().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String elementType(int type) {
        DataType known = DataType.forNumber(type);
        return known == null ? "type-" + type : known.name().toLowerCase(Locale.ROOT);
    }
}
