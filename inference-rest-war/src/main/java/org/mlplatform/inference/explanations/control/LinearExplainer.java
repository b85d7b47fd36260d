package org.mlplatform.inference.explanations.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.mlplatform.inference.explanations.entity.FeatureContribution;
import org.mlplatform.inference.explanations.entity.LogitExplanation;
import org.mlplatform.inference.explanations.entity.RowExplanation;
import org.mlplatform.inference.predictions.control.FeatureMatrix;
import org.mlplatform.repository.ModelMetadata;

/**
 * Exact explanations of a logistic regression, from its metadata.json alone: for the scaled input
 * {@code s_j = (x_j - center_j) / scale_j} and the scaled training mean {@code m_j = (mean_j - center_j) / scale_j},
 * logit k is {@code base_k + sum_j c_kj (s_j - m_j)} with {@code base_k = b_k + sum_j c_kj m_j}, which is
 * {@code b_k + c_k . s}, the model's logit, up to float64 rounding.
 * <p>
 * The input is taken as the request readers parse it, float32, which is what the ONNX graph computes with,
 * so the row explained is the row the model saw; everything after that is float64. The ONNX graph itself
 * computes in float32, so its probabilities agree with {@link RowExplanation#probabilities()} to float32
 * precision, not to the last bit.
 */
public final class LinearExplainer {

    static final String LOGISTIC_REGRESSION = "logistic-regression";

    private final double[][] coefficients;
    private final double[] intercepts;
    private final double[] center;
    private final double[] scale;
    private final double[] scaledMeans;
    private final double[] bases;
    private final List<String> featureNames;

    private LinearExplainer(double[][] coefficients, double[] intercepts, double[] center, double[] scale, double[] means,
                            List<String> featureNames) {
        this.coefficients = coefficients;
        this.intercepts = intercepts;
        this.center = center;
        this.scale = scale;
        this.featureNames = featureNames;
        scaledMeans = new double[means.length];
        for (int j = 0; j < means.length; j++) {
            scaledMeans[j] = (means[j] - center[j]) / scale[j];
        }
        bases = new double[coefficients.length];
        for (int k = 0; k < coefficients.length; k++) {
            bases[k] = intercepts[k] + dot(coefficients[k], scaledMeans);
        }
    }

    /**
     * @throws ExplanationUnavailableException when the version was imported, has no training baseline
     *                                         (format 1), is not a logistic regression, or its sections disagree
     */
    public static LinearExplainer of(ModelMetadata metadata) {
        String version = "version " + metadata.version() + " of model '" + metadata.model() + "'";
        if (ModelMetadata.SOURCE_IMPORTED.equals(metadata.source())) {
            throw new ExplanationUnavailableException(version + " was imported as an ONNX graph trained elsewhere: its coefficients, "
                    + "scaler and training data are unknown here; explanations need a version trained by the platform "
                    + "(metadata.json format 2)");
        }
        JsonObject algorithm = metadata.algorithm();
        if (algorithm != null && !LOGISTIC_REGRESSION.equals(algorithm.getString("name", null))) {
            throw new ExplanationUnavailableException(version + " is a '" + algorithm.getString("name", "unnamed")
                    + "' model; exact explanations exist for logistic regression only");
        }
        double[][] coefficients = algorithm != null ? matrix(algorithm.get("coefficients")) : metadata.coefficients();
        double[] intercepts = algorithm != null ? vector(algorithm.get("intercepts")) : metadata.intercepts();
        if (coefficients == null || intercepts == null) {
            throw new ExplanationUnavailableException(version + " has no coefficients and intercepts in its metadata.json (neither in "
                    + "'algorithm' nor at the top level); explanations need a version trained by the platform (metadata.json format 2)");
        }
        if (metadata.features() == null || metadata.features().isEmpty()) {
            throw new ExplanationUnavailableException(version + " has no training baseline: its metadata.json (format "
                    + metadata.formatVersion() + ") has no 'features' section with the training means that the base value "
                    + "starts from; versions trained since metadata.json format 2 have one, so retrain to explain this model");
        }
        int features = metadata.featureCount();
        int classes = metadata.classes().size();
        ModelMetadata.Scaler scaler = metadata.scaler();
        boolean consistent = scaler != null && scaler.center() != null && scaler.scale() != null
                && scaler.center().length == features && scaler.scale().length == features
                && metadata.features().size() == features
                && (metadata.featureNames().isEmpty() || metadata.featureNames().size() == features)
                && coefficients.length == (classes == 2 ? 1 : classes) && intercepts.length == coefficients.length
                && Arrays.stream(coefficients).allMatch(row -> row.length == features);
        if (!consistent) {
            throw new ExplanationUnavailableException(version + " has a metadata.json whose scaler, features and coefficients "
                    + "do not fit its " + features + " features and " + classes + " classes");
        }
        double[] means = metadata.features().stream().mapToDouble(ModelMetadata.FeatureDistribution::mean).toArray();
        return new LinearExplainer(coefficients, intercepts, scaler.center(), scaler.scale(), means, metadata.featureNames());
    }

    public List<RowExplanation> explain(FeatureMatrix rows) {
        List<RowExplanation> explanations = new ArrayList<>(rows.rows());
        for (int row = 0; row < rows.rows(); row++) {
            explanations.add(explain(rows.values(), row * rows.columns()));
        }
        return explanations;
    }

    /** The row of {@code center.length} values starting at {@code offset}. */
    public RowExplanation explain(float[] values, int offset) {
        int features = center.length;
        double[] scaled = new double[features];
        for (int j = 0; j < features; j++) {
            scaled[j] = (values[offset + j] - center[j]) / scale[j];
        }
        boolean binary = coefficients.length == 1;
        List<LogitExplanation> logits = new ArrayList<>(coefficients.length);
        double[] logitValues = new double[coefficients.length];
        for (int k = 0; k < coefficients.length; k++) {
            List<FeatureContribution> contributions = new ArrayList<>(features);
            for (int j = 0; j < features; j++) {
                contributions.add(new FeatureContribution(j, featureNames.isEmpty() ? null : featureNames.get(j), values[offset + j],
                        coefficients[k][j] * (scaled[j] - scaledMeans[j])));
            }
            contributions.sort(Comparator.comparingDouble((FeatureContribution c) -> -Math.abs(c.contribution()))
                    .thenComparingInt(FeatureContribution::index));
            logitValues[k] = intercepts[k] + dot(coefficients[k], scaled);
            logits.add(new LogitExplanation(binary ? 1 : k, logitValues[k], bases[k], contributions));
        }
        return new RowExplanation(logits, binary ? sigmoid(logitValues[0]) : softmax(logitValues));
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += a[j] * b[j];
        }
        return sum;
    }

    /** The probabilities of classes[0] and classes[1] for the logit of classes[1]. */
    private static double[] sigmoid(double logit) {
        double p = 1 / (1 + Math.exp(-logit));
        return new double[] {1 - p, p};
    }

    private static double[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double logit : logits) {
            max = Math.max(max, logit);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int k = 0; k < logits.length; k++) {
            p[k] = Math.exp(logits[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < logits.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    private static double[][] matrix(JsonValue value) {
        if (!(value instanceof JsonArray rows)) {
            return null;
        }
        double[][] matrix = new double[rows.size()][];
        for (int k = 0; k < matrix.length; k++) {
            matrix[k] = vector(rows.get(k));
            if (matrix[k] == null) {
                return null;
            }
        }
        return matrix;
    }

    private static double[] vector(JsonValue value) {
        if (!(value instanceof JsonArray numbers) || !numbers.stream().allMatch(JsonNumber.class::isInstance)) {
            return null;
        }
        return numbers.getValuesAs(JsonNumber.class).stream().mapToDouble(JsonNumber::doubleValue).toArray();
    }
}
