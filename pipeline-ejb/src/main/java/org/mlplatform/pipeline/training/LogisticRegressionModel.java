package org.mlplatform.pipeline.training;

import org.mlplatform.pipeline.dataset.ClassLabels;

/**
 * A fitted L2 logistic regression; immutable, built only by {@link LogisticRegressionTrainer}.
 * Binary models have one coefficient row (the logit of the second class, as scikit-learn's
 * {@code coef_}); multinomial models have one row per class (softmax).
 *
 * @param classes      the labels, in probability-column order
 * @param coefficients {@code 1 x F} (binary) or {@code K x F}
 * @param intercepts   one per coefficient row
 * @param report       how the fit went
 */
public record LogisticRegressionModel(ClassLabels classes, double[][] coefficients, double[] intercepts,
                                      FitReport report) {

    public int featureCount() {
        return coefficients[0].length;
    }

    /** Class probabilities of one (already scaled) row, in {@link #classes()} order. */
    public double[] predictProba(double[] row, int offset) {
        if (coefficients.length == 1) {
            double p1 = 1.0 / (1.0 + Math.exp(-decision(0, row, offset)));
            return new double[] {1.0 - p1, p1};
        }
        double[] scores = new double[coefficients.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < scores.length; k++) {
            scores[k] = decision(k, row, offset);
            max = Math.max(max, scores[k]);
        }
        double sum = 0;
        for (int k = 0; k < scores.length; k++) {
            scores[k] = Math.exp(scores[k] - max);
            sum += scores[k];
        }
        for (int k = 0; k < scores.length; k++) {
            scores[k] /= sum;
        }
        return scores;
    }

    /** Index of the most probable class; the first one on an exact tie. */
    public int predict(double[] row, int offset) {
        double[] p = predictProba(row, offset);
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }

    private double decision(int k, double[] row, int offset) {
        double[] w = coefficients[k];
        double z = intercepts[k];
        for (int j = 0; j < w.length; j++) {
            z += w[j] * row[offset + j];
        }
        return z;
    }
}
