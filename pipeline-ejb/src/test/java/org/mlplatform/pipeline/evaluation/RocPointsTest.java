package org.mlplatform.pipeline.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mlplatform.repository.ModelMetadata.RocCurve;
import org.mlplatform.repository.ModelMetadata.RocCurves;

public class RocPointsTest {

    @Test
    void pointsAreScikitLearnsAtEachDistinctScore() {
        // sklearn.metrics.roc_curve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], drop_intermediate=False)
        ScoredRows rows = binary(new int[] {0, 0, 1, 1}, 0.1, 0.4, 0.35, 0.8);

        RocCurves roc = RocPoints.ofTestSet(rows);

        assertEquals("test", roc.rows());
        assertEquals(1, roc.curves().size(), "one curve for a binary model");
        RocCurve curve = roc.curves().get(0);
        assertEquals(1, curve.classIndex());
        assertArrayEquals(new double[] {0, 0, 0.5, 0.5, 1}, curve.fpr());
        assertArrayEquals(new double[] {0, 0.5, 0.5, 1, 1}, curve.tpr());
        assertEquals(0.75, curve.auc());
        assertEquals(rows.metrics().rocAuc(), curve.auc());
    }

    @Test
    void tiedScoresAreOnePointAndTheirTrapezoidCountsHalf() {
        ScoredRows rows = binary(new int[] {0, 1, 1, 1}, 0.5, 0.5, 0.5, 0.9);

        RocCurve curve = RocPoints.ofTestSet(rows).curves().get(0);

        assertArrayEquals(new double[] {0, 0, 1}, curve.fpr());
        assertArrayEquals(new double[] {0, 1.0 / 3, 1}, curve.tpr());
        assertEquals(2.0 / 3, curve.auc(), 1e-15);
        assertEquals(rows.metrics().rocAuc(), curve.auc());
    }

    @Test
    void multinomialModelsHaveOneVersusRestCurvesWhoseMeanAreaIsTheRocAuc() {
        Random random = new Random(3);
        int[] labels = new int[300];
        double[][] probabilities = new double[300][];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 3;
            double[] p = {random.nextDouble(), random.nextDouble(), random.nextDouble()};
            p[labels[i]] += 0.5;
            double sum = p[0] + p[1] + p[2];
            probabilities[i] = new double[] {p[0] / sum, p[1] / sum, p[2] / sum};
        }
        ScoredRows rows = new ScoredRows(labels, probabilities);

        RocCurves roc = RocPoints.ofCrossValidation(List.of(rows));

        assertEquals("cv", roc.rows());
        assertEquals(List.of(0, 1, 2), roc.curves().stream().map(RocCurve::classIndex).toList());
        double meanArea = roc.curves().stream().mapToDouble(RocCurve::auc).sum() / 3;
        assertEquals(rows.metrics().rocAuc(), meanArea, 1e-12);
        roc.curves().forEach(RocPointsTest::assertRunsFromOriginToOneOne);
    }

    @Test
    void aLargeCurveIsThinnedToItsMaximumKeepingTheEndsAndTheArea() {
        Random random = new Random(11);
        int rows = 20_000;
        int[] labels = new int[rows];
        double[] scores = new double[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = random.nextInt(2);
            scores[i] = 1 / (1 + Math.exp(-(random.nextGaussian() + labels[i])));
        }
        ScoredRows scored = binary(labels, scores);

        RocCurve curve = RocPoints.ofTestSet(scored).curves().get(0);

        assertEquals(RocPoints.MAX_POINTS, curve.fpr().length);
        assertEquals(RocPoints.MAX_POINTS, curve.tpr().length);
        assertRunsFromOriginToOneOne(curve);
        assertEquals(scored.metrics().rocAuc(), curve.auc(), "the area of the full curve");
        assertTrue(curve.auc() > 0.7, "the scores separate the classes: " + curve.auc());
    }

    @Test
    void noCurvesWhenAClassHasNoRows() {
        assertNull(RocPoints.ofTestSet(binary(new int[] {1, 1, 1}, 0.2, 0.5, 0.9)));
    }

    @Test
    void poolingKeepsEveryFoldsRows() {
        ScoredRows first = binary(new int[] {0, 1}, 0.2, 0.7);
        ScoredRows second = binary(new int[] {1}, 0.6);

        ScoredRows pooled = ScoredRows.pooled(List.of(first, second));

        assertArrayEquals(new int[] {0, 1, 1}, pooled.labels());
        assertArrayEquals(new double[] {0.4, 0.6}, pooled.probabilities()[2], 1e-15);
    }

    public static void assertRunsFromOriginToOneOne(RocCurve curve) {
        double[] fpr = curve.fpr();
        double[] tpr = curve.tpr();
        assertEquals(fpr.length, tpr.length);
        assertEquals(0.0, fpr[0]);
        assertEquals(0.0, tpr[0]);
        assertEquals(1.0, fpr[fpr.length - 1]);
        assertEquals(1.0, tpr[tpr.length - 1]);
        for (int i = 1; i < fpr.length; i++) {
            assertTrue(fpr[i] >= fpr[i - 1] && tpr[i] >= tpr[i - 1], "monotone at point " + i);
            assertTrue(fpr[i] > fpr[i - 1] || tpr[i] > tpr[i - 1], "a new point at each threshold, " + i);
        }
    }

    private static ScoredRows binary(int[] labels, double... positiveScores) {
        double[][] probabilities = new double[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            probabilities[i] = new double[] {1 - positiveScores[i], positiveScores[i]};
        }
        return new ScoredRows(labels, probabilities);
    }
}
