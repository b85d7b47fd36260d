package org.mlplatform.pipeline.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mlplatform.repository.ModelMetadata.RocCurve;
import org.mlplatform.repository.ModelMetadata.RocCurves;

/**
 * ROC curves of scored rows, as {@code metadata.json} keeps them for the model card: the points
 * scikit-learn's {@code roc_curve(drop_intermediate=False)} returns, one at each distinct score,
 * from (0, 0) to (1, 1). The area is counted exactly from the row counts, so it equals the
 * ROC-AUC of {@link Metrics} bit for bit.
 */
public final class RocPoints {

    /** {@code roc.rows} of curves drawn from the test set. */
    public static final String TEST_ROWS = "test";
    /** {@code roc.rows} of curves drawn from the folds' validation rows, pooled. */
    public static final String CROSS_VALIDATION_ROWS = "cv";
    /**
     * A curve with more points keeps this many, evenly spaced by threshold rank, the first and
     * last among them, so that metadata.json stays small for large data sets; its area is still the
     * full curve's.
     */
    public static final int MAX_POINTS = 1000;

    private RocPoints() {
    }

    /** The curves of the test set; null when a class has no rows in it. */
    public static RocCurves ofTestSet(ScoredRows test) {
        return of(TEST_ROWS, test);
    }

    /**
     * The curves of the folds' validation rows pooled: every training row scored once, by the model
     * of the fold that held it out; null when a class has no rows.
     */
    public static RocCurves ofCrossValidation(List<ScoredRows> folds) {
        return of(CROSS_VALIDATION_ROWS, ScoredRows.pooled(folds));
    }

    /**
     * One curve of {@code classes[1]} for two classes, one per class (one versus the rest) for more;
     * null when a class has no rows, as its curve would divide by zero.
     */
    static RocCurves of(String rows, ScoredRows scored) {
        int classes = scored.probabilities()[0].length;
        int[] counts = new int[classes];
        for (int label : scored.labels()) {
            counts[label]++;
        }
        if (Arrays.stream(counts).anyMatch(count -> count == 0)) {
            return null;
        }
        List<RocCurve> curves = new ArrayList<>();
        for (int k = classes == 2 ? 1 : 0; k < classes; k++) {
            curves.add(curve(scored, k));
        }
        return new RocCurves(rows, curves);
    }

    /** Class {@code positive} against all others, scored by its probability column. */
    static RocCurve curve(ScoredRows scored, int positive) {
        int[] labels = scored.labels();
        double[][] sorted = RocAuc.sortedScores(labels, scored.probabilities(), positive);
        double[] positiveScores = sorted[0];
        double[] negativeScores = sorted[1];
        int positives = positiveScores.length;
        int n = negativeScores.length;
        // Walk the thresholds from the highest score down: at each distinct score, every row scoring
        // at least that much counts as predicted positive
        long[] falsePositives = new long[labels.length + 1];
        long[] truePositives = new long[labels.length + 1];
        int points = 1;
        int nextPositive = positives - 1;
        int nextNegative = n - 1;
        long twiceArea = 0;
        while (nextPositive >= 0 || nextNegative >= 0) {
            double threshold = Math.max(nextPositive >= 0 ? positiveScores[nextPositive] : Double.NEGATIVE_INFINITY,
                    nextNegative >= 0 ? negativeScores[nextNegative] : Double.NEGATIVE_INFINITY);
            long tp = truePositives[points - 1];
            long fp = falsePositives[points - 1];
            while (nextPositive >= 0 && positiveScores[nextPositive] == threshold) {
                tp++;
                nextPositive--;
            }
            while (nextNegative >= 0 && negativeScores[nextNegative] == threshold) {
                fp++;
                nextNegative--;
            }
            twiceArea += (fp - falsePositives[points - 1]) * (tp + truePositives[points - 1]);
            truePositives[points] = tp;
            falsePositives[points] = fp;
            points++;
        }
        int[] kept = thinned(points);
        double[] fpr = new double[kept.length];
        double[] tpr = new double[kept.length];
        for (int i = 0; i < kept.length; i++) {
            fpr[i] = (double) falsePositives[kept[i]] / n;
            tpr[i] = (double) truePositives[kept[i]] / positives;
        }
        return new RocCurve(positive, fpr, tpr, twiceArea / (2.0 * positives * n));
    }

    /** Indices of the points kept: all of them up to {@link #MAX_POINTS}, else evenly spaced. */
    private static int[] thinned(int points) {
        if (points <= MAX_POINTS) {
            int[] all = new int[points];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int[] kept = new int[MAX_POINTS];
        Arrays.setAll(kept, k -> (int) ((long) k * (points - 1) / (MAX_POINTS - 1)));
        return kept;
    }
}
