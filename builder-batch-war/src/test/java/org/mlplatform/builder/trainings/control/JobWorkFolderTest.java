package org.mlplatform.builder.trainings.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlplatform.builder.trainings.entity.PublishedModel;
import org.mlplatform.pipeline.PipelineModel;
import org.mlplatform.pipeline.dataset.ClassLabels;
import org.mlplatform.pipeline.evaluation.CrossValidationResult;
import org.mlplatform.pipeline.evaluation.Metrics;
import org.mlplatform.pipeline.evaluation.RocPoints;
import org.mlplatform.pipeline.evaluation.ScoredRows;
import org.mlplatform.pipeline.preprocessing.FittedScaler;
import org.mlplatform.pipeline.preprocessing.ScalerKind;
import org.mlplatform.pipeline.training.FitReport;
import org.mlplatform.pipeline.training.LogisticRegressionModel;
import org.mlplatform.repository.ModelMetadata.RocCurves;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobWorkFolderTest {

    @TempDir
    Path temp;

    @Test
    void fittedModelComesBackBitForBit() {
        Random random = new Random(11);
        double[][] coefficients = {random.doubles(10).map(v -> v * 1e-7 - 3.3).toArray()};
        double[] center = random.doubles(10).toArray();
        double[] scale = random.doubles(10).map(v -> v + Math.ulp(1.0)).toArray();
        PipelineModel model = new PipelineModel(new FittedScaler(ScalerKind.ROBUST, center, scale),
                new LogisticRegressionModel(new ClassLabels(List.of("0", "1"), true), coefficients,
                        new double[] {-0.0047238150892472755}, new FitReport("newton-cholesky", 4, 273.0487714396882,
                        1.9e-10, 0.001, true)));
        JobWorkFolder folder = new JobWorkFolder(temp.resolve("7"));
        folder.saveModel(model);

        PipelineModel read = folder.model();
        assertArrayEquals(center, read.scaler().center());
        assertArrayEquals(scale, read.scaler().scale());
        assertEquals(ScalerKind.ROBUST, read.scaler().kind());
        LogisticRegressionModel classifier = assertInstanceOf(LogisticRegressionModel.class, read.classifier());
        assertArrayEquals(coefficients[0], classifier.coefficients()[0]);
        assertArrayEquals(((LogisticRegressionModel) model.classifier()).intercepts(), classifier.intercepts());
        assertEquals(model.classifier().classes(), read.classifier().classes());
        assertEquals(model.classifier().report(), read.classifier().report());
        double[] row = random.doubles(10).toArray();
        assertArrayEquals(model.predictProba(row), read.predictProba(row));
    }

    @Test
    void combinesFoldsAsTheyArriveInAnyOrder() {
        JobWorkFolder folder = new JobWorkFolder(temp.resolve("3"));
        Metrics second = new Metrics(40, 0.75, 0.5, null, new int[][] {{10, 5}, {5, 20}});
        Metrics first = new Metrics(40, 0.5, 0.7, 0.61, new int[][] {{10, 10}, {10, 10}});
        folder.saveFoldMetrics(1, second);
        assertEquals(1, folder.foldsDone());
        assertEquals(List.of(0), folder.foldsNotDone(2), "a restart runs the fold still missing");
        folder.saveFoldMetrics(0, first);
        assertEquals(List.of(), folder.foldsNotDone(2));
        List<Metrics> folds = folder.foldMetrics(2);
        assertEquals(2, folder.foldsDone());
        assertEquals(0.5, folds.get(0).accuracy());
        assertNull(folds.get(1).rocAuc());
        assertArrayEquals(new int[] {5, 20}, folds.get(1).confusionMatrix()[1]);

        folder.saveCrossValidation(new CrossValidationResult(folds));
        assertEquals(0.61, folder.crossValidation().orElseThrow().folds().get(0).rocAuc());
    }

    @Test
    void keepsTheFoldsScoredRowsApartFromTheirMetricsUntilTheRowsAreDropped() {
        JobWorkFolder folder = new JobWorkFolder(temp.resolve("4"));
        folder.saveHeldOutScores(1, new ScoredRows(new int[] {1, 0}, new double[][] {{0.25, 0.75}, {0.5, 0.5}}));
        folder.saveFoldMetrics(1, new Metrics(2, 1, 0.5, 1.0, new int[][] {{1, 0}, {0, 1}}));
        folder.saveHeldOutScores(0, new ScoredRows(new int[] {0}, new double[][] {{0.9, 0.1}}));

        assertEquals(1, folder.foldsDone(), "scored rows are not a fold's metrics");
        List<ScoredRows> heldOut = folder.heldOutScores(2);
        assertArrayEquals(new int[] {0}, heldOut.get(0).labels());
        assertArrayEquals(new double[] {0.25, 0.75}, heldOut.get(1).probabilities()[0]);

        RocCurves roc = RocPoints.ofCrossValidation(heldOut);
        folder.saveRoc(roc);
        RocCurves read = folder.roc().orElseThrow();
        assertEquals("cv", read.rows());
        assertArrayEquals(roc.curves().get(0).tpr(), read.curves().get(0).tpr());
        assertEquals(roc.curves().get(0).auc(), read.curves().get(0).auc());

        folder.dropRows();
        assertTrue(folder.heldOutScores(2).isEmpty());
        assertEquals(1, folder.foldsDone());
        assertTrue(folder.roc().isPresent(), "publish still has the curves");
    }

    @Test
    void clearForgetsAnEarlierInstance() {
        JobWorkFolder folder = new JobWorkFolder(temp.resolve("1"));
        folder.savePublished(new PublishedModel("m", 2));
        folder.saveFoldMetrics(0, new Metrics(1, 1, 0, null, new int[][] {{1}}));
        assertTrue(folder.published().isPresent());
        folder.clear();
        assertFalse(folder.published().isPresent());
        assertEquals(0, folder.foldsDone());
        assertTrue(folder.testMetrics().isEmpty());
    }
}
