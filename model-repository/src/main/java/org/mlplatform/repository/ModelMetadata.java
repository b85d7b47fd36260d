package org.mlplatform.repository;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code metadata.json} of a published version, as the pipeline writes it and the inference
 * service reads it. {@code docs/model-repository.md} describes every field; the training side
 * fills it from its own types ({@code org.mlplatform.pipeline.registry.PipelineMetadata}).
 * Readers are lenient about absent fields (null, 0 or empty), so a file written by hand or by an
 * older release still reads.
 *
 * @param formatVersion       version of this layout; readers refuse a higher one
 * @param model               repository name of the model
 * @param version             repository version
 * @param createdAt           when the version was published, ISO-8601 UTC
 * @param source              {@value #SOURCE_TRAINED} or {@value #SOURCE_IMPORTED} (an ONNX file trained
 *                            elsewhere: then only the fields that describe the graph are present); null in
 *                            files written before it existed, which were all trained
 * @param trainingFingerprint identifies the training run, as in the ONNX {@code metadata_props}: SHA-256 of the
 *                            canonical JSON of the dataset files and the options (docs/model-repository.md)
 * @param classLabelType      {@code int64} or {@code string}: the type of {@code classes} and of the
 *                            ONNX {@code label} output
 * @param classes             class labels in probability-column order, JSON numbers or strings
 * @param featureCount        columns of the input; 0 when not stated
 * @param featureNames        column names, empty when the training data had no header
 * @param algorithm           the fitted classifier's own description: {@code name}, {@code params} and its
 *                            learned state (for logistic regression {@code coefficients}, {@code intercepts});
 *                            null for an imported graph and in files written before this section
 * @param coefficients        only in files written before the {@code algorithm} section, which had the
 *                            learned state at the top level; kept so those files write back unchanged
 * @param intercepts          likewise
 * @param features            the drift baseline (format 2): one distribution per input column, of the training
 *                            rows as given (before resampling and scaling); null for an imported graph and in
 *                            format 1 files, which then report no drift baseline
 * @param roc                 the ROC curves of the evaluation (format 2), for the model card; null when nothing
 *                            was evaluated, for an imported graph and in format 1 files
 */
@JsonbPropertyOrder({"formatVersion", "model", "version", "createdAt", "source", "trainingFingerprint",
        "classLabelType", "classes", "featureCount", "featureNames", "params", "scaler", "coefficients", "intercepts",
        "algorithm", "training", "dataset", "metrics", "features", "roc", "onnx"})
public record ModelMetadata(int formatVersion, String model, int version, String createdAt, String source,
                            String trainingFingerprint, String classLabelType, JsonArray classes, int featureCount,
                            List<String> featureNames, Params params, Scaler scaler, double[][] coefficients,
                            double[] intercepts, JsonObject algorithm, Training training, DatasetSummary dataset,
                            Metrics metrics, List<FeatureDistribution> features, RocCurves roc, Onnx onnx) {

    /** The layout this code writes and the highest it reads; 2 added {@code features} and {@code roc}. */
    public static final int FORMAT_VERSION = 2;
    public static final String SOURCE_TRAINED = "trained";
    public static final String SOURCE_IMPORTED = "imported";

    public ModelMetadata {
        classes = classes == null ? JsonValue.EMPTY_JSON_ARRAY : classes;
        featureNames = featureNames == null ? List.of() : List.copyOf(featureNames);
    }

    /** Same content, same bytes: maps are written in key order. */
    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(map));
    }

    /**
     * The hyper-parameters, named as the command-line options; enumerations by their upper-case
     * names ({@code BALANCED}, {@code ROBUST}, {@code SMOTE}).
     */
    @JsonbPropertyOrder({"c", "classWeight", "scaler", "resample", "tol", "maxIter", "cvFolds", "seed"})
    public record Params(@JsonbProperty("C") double c, String classWeight, String scaler, String resample, double tol,
                         int maxIter, int cvFolds, long seed) {
    }

    /** The fitted scaler: {@code (x - center) / scale}; center 0 and scale 1 for {@code NONE}. */
    @JsonbPropertyOrder({"kind", "center", "scale"})
    public record Scaler(String kind, double[] center, double[] scale) {
    }

    @JsonbPropertyOrder({"solver", "iterations", "objective", "gradientMaxNorm", "seconds", "converged"})
    public record Training(String solver, int iterations, double objective, double gradientMaxNorm, double seconds,
                           boolean converged) {
    }

    /**
     * @param files       SHA-256 (lower-case hex) of each input file, by file name, as the training job
     *                    validated (read) it, whatever happened to the file later
     * @param rows        training rows
     * @param classCounts training rows of each class, by label (keys sorted as strings)
     */
    @JsonbPropertyOrder({"files", "rows", "classCounts"})
    public record DatasetSummary(Map<String, String> files, int rows, Map<String, Integer> classCounts) {

        public DatasetSummary {
            files = sorted(files);
            classCounts = sorted(classCounts);
        }
    }

    /**
     * How the fitted pipeline scored: cross-validation on the training rows and the test set, each
     * null when it was not run.
     */
    @JsonbPropertyOrder({"cv", "test"})
    public record Metrics(CrossValidation cv, Scores test) {
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
            perFold = perFold == null ? List.of() : List.copyOf(perFold);
        }
    }

    /**
     * The scores of one set of rows.
     *
     * @param rocAuc          null when a class has no rows here
     * @param confusionMatrix {@code [true class][predicted class]} row counts, classes in {@code classes} order
     */
    @JsonbPropertyOrder({"rows", "accuracy", "logLoss", "rocAuc", "confusionMatrix"})
    public record Scores(int rows, double accuracy, double logLoss, Double rocAuc, int[][] confusionMatrix) {
    }

    /**
     * One input column over the training rows, before scaling: what drift is measured against and
     * what an explanation's base value starts from.
     *
     * @param mean      arithmetic mean
     * @param std       population standard deviation (divided by n)
     * @param min       smallest value
     * @param max       largest value
     * @param binEdges  ascending, distinct inner edges: the 10-quantiles (linear interpolation, as numpy's
     *                  default) with duplicates dropped, so at most 9 edges and 10 bins; a value x falls in
     *                  bin i when {@code binEdges[i-1] < x <= binEdges[i]} (the first bin is open below, the
     *                  last open above)
     * @param binShares the share of training rows in each bin ({@code binEdges.length + 1} numbers summing to 1)
     */
    @JsonbPropertyOrder({"mean", "std", "min", "max", "binEdges", "binShares"})
    public record FeatureDistribution(double mean, double std, double min, double max, double[] binEdges,
                                      double[] binShares) {
    }

    /**
     * @param rows   which rows were scored: {@code test} (the test set) or {@code cv} (each training row
     *               once, by the fold that held it out)
     * @param curves one curve for a binary model (the positive class, {@code classes[1]}), one per class
     *               (one-vs-rest) for K > 2
     */
    @JsonbPropertyOrder({"rows", "curves"})
    public record RocCurves(String rows, List<RocCurve> curves) {

        public RocCurves {
            curves = curves == null ? List.of() : List.copyOf(curves);
        }
    }

    /**
     * @param classIndex the positive class, as an index into {@code classes}
     * @param fpr        false positive rates, ascending from 0 to 1
     * @param tpr        true positive rates at the same thresholds
     * @param auc        area under these points (trapezoids)
     */
    @JsonbPropertyOrder({"classIndex", "fpr", "tpr", "auc"})
    public record RocCurve(int classIndex, double[] fpr, double[] tpr, double auc) {
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
            inputs = inputs == null ? List.of() : List.copyOf(inputs);
            outputs = outputs == null ? List.of() : List.copyOf(outputs);
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
    }
}
