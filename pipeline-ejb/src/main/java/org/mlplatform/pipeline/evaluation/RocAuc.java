package org.mlplatform.pipeline.evaluation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Area under the ROC curve as the Mann-Whitney statistic: the chance that a random positive row
 * scores above a random negative one, ties counting one half (average ranks). This equals the
 * trapezoidal area scikit-learn's {@code roc_auc_score} computes.
 */
final class RocAuc {

    private RocAuc() {
    }

    /** ROC-AUC of column {@code positive} for separating rows of that class from all others. */
    static double oneVersusRest(int[] labels, double[][] probabilities, int positive) {
        int n = labels.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> probabilities[i][positive]));
        double positiveRankSum = 0;
        long positives = 0;
        int start = 0;
        while (start < n) {
            double score = probabilities[order[start]][positive];
            int end = start;
            while (end < n && probabilities[order[end]][positive] == score) {
                end++;
            }
            double averageRank = (start + 1 + end) / 2.0;
            for (int i = start; i < end; i++) {
                if (labels[order[i]] == positive) {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }
            start = end;
        }
        long negatives = n - positives;
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
