package org.mlplatform.pipeline.evaluation;

import java.util.List;

/**
 * Rows a fitted pipeline scored: each row's true class and its predicted class probabilities. The
 * metrics and the ROC curves of an evaluation both follow from these.
 *
 * @param labels        the true class index of each row
 * @param probabilities one row per label, one column per class in class order
 */
public record ScoredRows(int[] labels, double[][] probabilities) {

    public ScoredRows {
        if (labels.length != probabilities.length) {
            throw new IllegalArgumentException(labels.length + " labels for " + probabilities.length
                    + " probability rows");
        }
    }

    /** The rows of several scorings as one, e.g. every fold's validation rows. */
    public static ScoredRows pooled(List<ScoredRows> parts) {
        int rows = parts.stream().mapToInt(ScoredRows::rows).sum();
        int[] labels = new int[rows];
        double[][] probabilities = new double[rows][];
        int offset = 0;
        for (ScoredRows part : parts) {
            System.arraycopy(part.labels, 0, labels, offset, part.rows());
            System.arraycopy(part.probabilities, 0, probabilities, offset, part.rows());
            offset += part.rows();
        }
        return new ScoredRows(labels, probabilities);
    }

    public int rows() {
        return labels.length;
    }

    public Metrics metrics() {
        return Metrics.of(labels, probabilities);
    }
}
