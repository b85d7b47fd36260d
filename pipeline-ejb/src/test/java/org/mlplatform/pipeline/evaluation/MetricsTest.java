package org.mlplatform.pipeline.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlplatform.pipeline.dataset.Dataset;
import org.mlplatform.pipeline.reference.ReferenceFiles;

class MetricsTest {

    static List<String> referenceCases() {
        return ReferenceFiles.cases();
    }

    @ParameterizedTest
    @MethodSource("referenceCases")
    void matchesScikitLearnOnTheReferenceTestSets(String referenceCase) {
        JsonObject expected = ReferenceFiles.expected(referenceCase).getJsonObject("test");
        String set = ReferenceFiles.setOf(referenceCase);
        Dataset test = ReferenceFiles.test(set, ReferenceFiles.training(set).classes());

        Metrics metrics = Metrics.of(test.labels(), ReferenceFiles.matrix(expected.getJsonArray("predict_proba")));

        assertEquals(test.rows(), metrics.rows());
        assertEquals(expected.getJsonNumber("accuracy").doubleValue(), metrics.accuracy(), 1e-12);
        assertEquals(expected.getJsonNumber("log_loss").doubleValue(), metrics.logLoss(), 1e-12);
        String auc = test.classes().size() == 2 ? "roc_auc" : "roc_auc_ovr_macro";
        assertEquals(expected.getJsonNumber(auc).doubleValue(), metrics.rocAuc(), 1e-12);
    }

    @Test
    void countsTrueAgainstPredictedClasses() {
        Metrics metrics = Metrics.of(new int[] {0, 0, 1, 2, 2},
                new double[][] {{.8, .1, .1}, {.2, .7, .1}, {.1, .8, .1}, {.1, .1, .8}, {.5, .2, .3}});

        assertArrayEquals(new int[][] {{1, 1, 0}, {0, 1, 0}, {1, 0, 1}}, metrics.confusionMatrix());
        assertEquals(3 / 5.0, metrics.accuracy());
    }

    @Test
    void predictsTheFirstClassOnATie() {
        Metrics metrics = Metrics.of(new int[] {0, 1}, new double[][] {{.5, .5}, {.5, .5}});

        assertArrayEquals(new int[][] {{1, 0}, {1, 0}}, metrics.confusionMatrix());
    }

    @Test
    void averagesRanksOfTiedScores() {
        // positives score .35 and .8, negatives .1 and .4: 3 of 4 pairs ordered right
        assertEquals(0.75, binaryAuc(new int[] {0, 0, 1, 1}, .1, .4, .35, .8));
        // a tie between a positive and a negative counts one half
        assertEquals(0.875, binaryAuc(new int[] {0, 0, 1, 1}, .1, .4, .4, .8));
        assertEquals(0.5, binaryAuc(new int[] {0, 1, 0, 1}, .3, .3, .3, .3));
    }

    @Test
    void clipsProbabilitiesInTheLogLoss() {
        Metrics metrics = Metrics.of(new int[] {1}, new double[][] {{1, 0}});

        assertEquals(-Math.log(1e-15), metrics.logLoss(), 1e-12);
    }

    @Test
    void hasNoRocAucWhenAClassIsAbsent() {
        assertNull(Metrics.of(new int[] {1, 1}, new double[][] {{.2, .8}, {.6, .4}}).rocAuc());
        assertNull(Metrics.of(new int[] {0, 2}, new double[][] {{.8, .1, .1}, {.1, .1, .8}}).rocAuc());
    }

    @Test
    void rejectsMismatchedInput() {
        assertThrows(IllegalArgumentException.class, () -> Metrics.of(new int[] {0, 1}, new double[][] {{.5, .5}}));
        assertThrows(IllegalArgumentException.class, () -> Metrics.of(new int[] {2}, new double[][] {{.5, .5}}));
    }

    @Test
    void crossValidationAveragesTheFolds() {
        Metrics first = new Metrics(10, 0.8, 0.4, 0.9, new int[2][2]);
        Metrics second = new Metrics(10, 0.6, 0.6, 0.7, new int[2][2]);
        Metrics withoutAuc = new Metrics(10, 0.6, 0.6, null, new int[2][2]);

        CrossValidationResult result = new CrossValidationResult(List.of(first, second));

        assertEquals(0.7, result.meanAccuracy(), 1e-15);
        assertEquals(0.5, result.meanLogLoss(), 1e-15);
        assertEquals(0.8, result.meanRocAuc(), 1e-15);
        assertNull(new CrossValidationResult(List.of(first, withoutAuc)).meanRocAuc());
    }

    private static double binaryAuc(int[] labels, double... positiveScores) {
        double[][] probabilities = new double[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            probabilities[i] = new double[] {1 - positiveScores[i], positiveScores[i]};
        }
        return Metrics.of(labels, probabilities).rocAuc();
    }
}
