package org.mlplatform.pipeline.evaluation;

import java.util.Arrays;

/**
 * Area under the ROC curve as the Mann-Whitney statistic: the share of (positive, negative) row
 * pairs in which the positive row scores higher, a tie counting one half. This equals the
 * trapezoidal area scikit-learn's {@code roc_auc_score} computes, and is counted exactly here.
 */
final class RocAuc {

    private RocAuc() {
    }

    /** ROC-AUC of column {@code positive} for separating rows of that class from all others. */
    static double oneVersusRest(int[] labels, double[][] probabilities, int positive) {
        double[][] sorted = sortedScores(labels, probabilities, positive);
        double[] positiveScores = sorted[0];
        double[] negativeScores = sorted[1];
        int positives = positiveScores.length;
        int n = negativeScores.length;
        long twiceWins = 0;
        int below = 0;
        int notAbove = 0;
        for (double score : positiveScores) {
            while (below < n && negativeScores[below] < score) {
                below++;
            }
            while (notAbove < n && negativeScores[notAbove] <= score) {
                notAbove++;
            }
            twiceWins += 2L * below + (notAbove - below);
        }
        return twiceWins / (2.0 * positives * n);
    }

    /**
     * Column {@code positive} of the rows of that class and of all other rows, each ascending:
     * {@code [positiveScores, negativeScores]}.
     */
    static double[][] sortedScores(int[] labels, double[][] probabilities, int positive) {
        int positives = 0;
        for (int label : labels) {
            if (label == positive) {
                positives++;
            }
        }
        double[] positiveScores = new double[positives];
        double[] negativeScores = new double[labels.length - positives];
        int p = 0;
        int n = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == positive) {
                positiveScores[p++] = probabilities[i][positive];
            } else {
                negativeScores[n++] = probabilities[i][positive];
            }
        }
        Arrays.sort(positiveScores);
        Arrays.sort(negativeScores);
        return new double[][] {positiveScores, negativeScores};
    }
}
