package org.mlplatform.builder.trainings.batch;

import jakarta.batch.api.partition.AbstractPartitionAnalyzer;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.bind.JsonbBuilder;
import org.mlplatform.builder.trainings.control.JobWorkFolder;
import org.mlplatform.pipeline.evaluation.CrossValidationResult;
import org.mlplatform.pipeline.evaluation.Metrics;
import org.mlplatform.pipeline.evaluation.RocPoints;
import org.mlplatform.pipeline.evaluation.ScoredRows;

import java.io.Serializable;
import java.util.List;

/**
 * Stores each fold's metrics (and, without a test set, its scored validation rows) in the job's work
 * folder as it arrives and, once every fold is there, the combined {@link CrossValidationResult} (and the
 * ROC curves of the pooled folds). Files rather than memory: after a restart the folds that completed
 * before are not run again, yet the result must still hold them.
 */
@Named
@Dependent
public class CrossValidationAnalyzer extends AbstractPartitionAnalyzer {

    @Inject
    JobRun run;

    @Inject
    StepContext stepContext;

    @Override
    public void analyzeCollectorData(Serializable data) throws Exception {
        if (data == null || FoldMetricsCollector.NO_FOLD.equals(data)) {
            return;
        }
        FoldMetrics foldMetrics;
        try (var jsonb = JsonbBuilder.create()) {
            foldMetrics = jsonb.fromJson((String) data, FoldMetrics.class);
        }
        JobWorkFolder workFolder = run.workFolder();
        if (foldMetrics.heldOut() != null) {
            workFolder.saveHeldOutScores(foldMetrics.fold(), foldMetrics.heldOut());
        }
        workFolder.saveFoldMetrics(foldMetrics.fold(), foldMetrics.metrics());
        int folds = run.request().parameters().pipeline().cvFolds();
        List<Metrics> done = workFolder.foldMetrics(folds);
        if (done.size() == folds) {
            CrossValidationResult result = new CrossValidationResult(done);
            List<ScoredRows> heldOut = workFolder.heldOutScores(folds);
            if (heldOut.size() == folds) {
                workFolder.saveRoc(RocPoints.ofCrossValidation(heldOut));
            }
            workFolder.saveCrossValidation(result);
            stepContext.setExitStatus(folds + " folds, mean accuracy " + result.meanAccuracy()
                    + ", mean ROC-AUC " + result.meanRocAuc());
        }
    }
}
