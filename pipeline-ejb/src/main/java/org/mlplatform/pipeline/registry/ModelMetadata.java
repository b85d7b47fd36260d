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
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.mlplatform.pipeline.PipelineModel;
import org.mlplatform.pipeline.TrainingParameters;
import org.mlplatform.pipeline.dataset.ClassLabels;
import org.mlplatform.pipeline.dataset.Dataset;
import org.mlplatform.pipeline.evaluation.CrossValidationResult;
import org.mlplatform.pipeline.onnx.ModelProvenance;
import org.mlplatform.pipeline.preprocessing.FittedScaler;
import org.mlplatform.pipeline.preprocessing.Resampling;
import org.mlplatform.pipeline.preprocessing.ScalerKind;
import org.mlplatform.pipeline.training.ClassWeight;
import org.mlplatform.pipeline.training.FitReport;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code metadata.json} of a published version. This is a contract: the inference service reads
 * it with JSON-P, without these classes. {@code docs/model-repository.md} describes every field.
 *
 * @param formatVersion       version of this layout; readers refuse a higher one
 * @param model               repository name of the model
 * @param version             repository version
 * @param createdAt           when the version was published, ISO-8601 UTC
 * @param source              {@value #SOURCE_TRAINED} or {@value #SOURCE_IMPORTED} (an ONNX file trained
 *                            elsewhere: then only the fields that describe the graph are present)
 * @param trainingFingerprint identifies the training run, as in the ONNX {@code metadata_props}
 * @param classLabelType      {@code int64} or {@code string}: the type of {@code classes} and of the
 *                            ONNX {@code label} output
 * @param classes             class labels in probability-column order, JSON numbers or strings
 * @param featureCount        columns of the input
 * @param featureNames        column names, empty when the training data had no header
 * @param algorithm           the fitted classifier's own description: {@code name}, {@code params} and its
 *                            learned state (for logistic regression {@code coefficients}, {@code intercepts})
 */
@JsonbPropertyOrder({"formatVersion", "model", "version", "createdAt", "source", "trainingFingerprint",
        "classLabelType", "classes", "featureCount", "featureNames", "params", "scaler", "algorithm", "training",
        "dataset", "metrics", "onnx"})
public record ModelMetadata(int formatVersion, String model, int version, String createdAt, String source,
                            String trainingFingerprint, String classLabelType, JsonArray classes, int featureCount,
                            List<String> featureNames, Params params, Scaler scaler, JsonObject algorithm,
                            Training training, DatasetSummary dataset, Metrics metrics, Onnx onnx) {

    public static final int FORMAT_VERSION = 1;
    public static final String SOURCE_TRAINED = "trained";
    public static final String SOURCE_IMPORTED = "imported";

    /**
     * Everything that follows from the fitted pipeline, its trainer's parameters, its provenance and its
     * ONNX bytes; the caller adds what only it knows.
     *
     * @param algorithmParams the trainer's {@link org.mlplatform.pipeline.training.ClassifierTrainer#parameters()}
     * @param metrics         may be null when neither cross-validation nor a test set was run
     */
    public static ModelMetadata describe(PipelineModel pipeline, JsonObject algorithmParams, ModelProvenance provenance,
                                         byte[] onnx, Params params, DatasetSummary dataset, Metrics metrics,
                                         Instant createdAt) {
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
        return new ModelMetadata(FORMAT_VERSION, provenance.modelName(), provenance.version(),
                timestamp(createdAt), SOURCE_TRAINED, provenance.trainingFingerprint(),
                labels.integer() ? "int64" : "string", classes.build(), pipeline.classifier().featureCount(),
                provenance.featureNames(), params, Scaler.of(pipeline.scaler()), algorithm.build(),
                Training.of(pipeline.classifier().report()), dataset, metrics, Onnx.describe(onnx));
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
        return new ModelMetadata(FORMAT_VERSION, model, version, timestamp(createdAt), SOURCE_IMPORTED, null,
                classLabelType, classes, featureCount, List.copyOf(featureNames), null, null, null, null, null, null,
                Onnx.describe(onnx));
    }

    private static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** Same content, same bytes: maps are written in key order. */
    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return Collections.unmodifiableMap(new TreeMap<>(map));
    }

    /** The hyper-parameters, named as the command-line options. */
    @JsonbPropertyOrder({"c", "classWeight", "scaler", "resample", "tol", "maxIter", "cvFolds", "seed"})
    public record Params(@JsonbProperty("C") double c, ClassWeight classWeight, ScalerKind scaler,
                         Resampling resample, double tol, int maxIter, int cvFolds, long seed) {

        public static Params of(TrainingParameters parameters) {
            return new Params(parameters.c(), parameters.classWeight(), parameters.scaler(), parameters.resample(),
                    parameters.tol(), parameters.maxIter(), parameters.cvFolds(), parameters.seed());
        }
    }

    /** The fitted scaler: {@code (x - center) / scale}; center 0 and scale 1 for {@code NONE}. */
    @JsonbPropertyOrder({"kind", "center", "scale"})
    public record Scaler(ScalerKind kind, double[] center, double[] scale) {

        public static Scaler of(FittedScaler scaler) {
            return new Scaler(scaler.kind(), scaler.center(), scaler.scale());
        }
    }

    @JsonbPropertyOrder({"solver", "iterations", "objective", "gradientMaxNorm", "seconds", "converged"})
    public record Training(String solver, int iterations, double objective, double gradientMaxNorm, double seconds,
                           boolean converged) {

        public static Training of(FitReport report) {
            return new Training(report.solver(), report.iterations(), report.objective(), report.gradientMaxNorm(),
                    report.seconds(), report.converged());
        }
    }

    /**
     * @param files       SHA-256 (lower-case hex) of each input file, by file name
     * @param rows        training rows
     * @param classCounts training rows of each class, by label (keys sorted as strings)
     */
    @JsonbPropertyOrder({"files", "rows", "classCounts"})
    public record DatasetSummary(Map<String, String> files, int rows, Map<String, Integer> classCounts) {

        public DatasetSummary {
            files = sorted(files);
            classCounts = sorted(classCounts);
        }

        public static DatasetSummary of(Map<String, String> files, Dataset training) {
            Map<String, Integer> counts = new TreeMap<>();
            int[] perClass = training.classCounts();
            for (int k = 0; k < perClass.length; k++) {
                counts.put(training.classes().get(k), perClass[k]);
            }
            return new DatasetSummary(files, training.rows(), counts);
        }
    }

    /**
     * How the fitted pipeline scored: cross-validation on the training rows and the test set, each
     * null when it was not run.
     */
    @JsonbPropertyOrder({"cv", "test"})
    public record Metrics(CrossValidation cv, Scores test) {

        /** Null when there is neither. */
        public static Metrics of(CrossValidationResult cv, org.mlplatform.pipeline.evaluation.Metrics test) {
            if (cv == null && test == null) {
                return null;
            }
            return new Metrics(cv == null ? null : CrossValidation.of(cv), test == null ? null : Scores.of(test));
        }
    }

    /**
     * @param folds    number of folds
     * @param accuracy unweighted mean over the folds, as are {@code logLoss} and {@code rocAuc}
     * @param rocAuc   null when a fold has none (a class missing from its validation rows)
     * @param perFold  each fold's validation scores, in fold order
     */
    @JsonbPropertyOrder({"folds", "accuracy", "logLoss", "rocAuc", "perFold"})
    public record CrossValidation(int folds, double accuracy, double logLoss, Double rocAuc, List<Scores> perFold) {

        public CrossValidation {
            perFold = List.copyOf(perFold);
        }

        public static CrossValidation of(CrossValidationResult cv) {
            return new CrossValidation(cv.folds().size(), cv.meanAccuracy(), cv.meanLogLoss(), cv.meanRocAuc(),
                    cv.folds().stream().map(Scores::of).toList());
        }
    }

    /**
     * The scores of one set of rows, as {@link org.mlplatform.pipeline.evaluation.Metrics} computes them.
     *
     * @param rocAuc          null when a class has no rows here
     * @param confusionMatrix {@code [true class][predicted class]} row counts, classes in {@code classes} order
     */
    @JsonbPropertyOrder({"rows", "accuracy", "logLoss", "rocAuc", "confusionMatrix"})
    public record Scores(int rows, double accuracy, double logLoss, Double rocAuc, int[][] confusionMatrix) {

        public static Scores of(org.mlplatform.pipeline.evaluation.Metrics metrics) {
            return new Scores(metrics.rows(), metrics.accuracy(), metrics.logLoss(), metrics.rocAuc(),
                    metrics.confusionMatrix());
        }
    }

    /**
     * @param sha256    SHA-256 (lower-case hex) of {@code model.onnx}
     * @param irVersion ONNX IR version
     * @param opsets    opset version by domain, {@code ai.onnx} for the default domain
     */
    @JsonbPropertyOrder({"sha256", "irVersion", "opsets", "inputs", "outputs"})
    public record Onnx(String sha256, long irVersion, Map<String, Long> opsets, List<Tensor> inputs,
                       List<Tensor> outputs) {

        public Onnx {
            opsets = sorted(opsets);
            inputs = List.copyOf(inputs);
            outputs = List.copyOf(outputs);
        }

        public static Onnx describe(byte[] onnx) {
            ModelProto model;
            try {
                model = ModelProto.parseFrom(onnx);
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalArgumentException("not an ONNX model: " + e.getMessage(), e);
            }
            Map<String, Long> opsets = new TreeMap<>();
            model.getOpsetImportList().forEach(o -> opsets.put(o.getDomain().isEmpty() ? "ai.onnx" : o.getDomain(),
                    o.getVersion()));
            return new Onnx(ContentDigest.sha256(onnx), model.getIrVersion(), opsets,
                    model.getGraph().getInputList().stream().map(Tensor::of).toList(),
                    model.getGraph().getOutputList().stream().map(Tensor::of).toList());
        }
    }

    /**
     * A graph input or output.
     *
     * @param type  ONNX element type in lower case: {@code float}, {@code int64}, {@code string}; for
     *              skl2onnx's ZipMap output the ONNX type {@code seq(map(int64,float))} (or {@code string} keys)
     * @param shape dimensions, -1 for a symbolic one (the batch size); empty for a sequence
     */
    @JsonbPropertyOrder({"name", "type", "shape"})
    public record Tensor(String name, String type, List<Long> shape) {

        static Tensor of(ValueInfoProto value) {
            if (value.getType().hasSequenceType()) {
                return new Tensor(value.getName(), typeName(value.getType()), List.of());
            }
            var tensor = value.getType().getTensorType();
            List<Long> shape = tensor.getShape().getDimList().stream()
                    .map(d -> d.getValueCase() == TensorShapeProto.Dimension.ValueCase.DIM_VALUE ? d.getDimValue() : -1L)
                    .toList();
            return new Tensor(value.getName(), elementType(tensor.getElemType()), shape);
        }

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
}
