package org.mlplatform.builder.trainings.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.mlplatform.builder.metrics.BuilderMetrics;
import org.mlplatform.builder.trainings.control.JobWorkFolder;
import org.mlplatform.builder.trainings.entity.ValidatedData;
import org.mlplatform.pipeline.PipelineModel;
import org.mlplatform.pipeline.TrainingParameters;
import org.mlplatform.pipeline.TrainingRequest;
import org.mlplatform.pipeline.boundary.TrainingService;
import org.mlplatform.pipeline.dataset.Dataset;
import org.mlplatform.pipeline.evaluation.Metrics;
import org.mlplatform.pipeline.evaluation.RocPoints;
import org.mlplatform.pipeline.evaluation.ScoredRows;
import org.mlplatform.pipeline.training.FitReport;

/**
 * Step {@code fit-and-evaluate}: fits on all training rows and scores the test set when there is
 * one, both as {@code validate-data} read them, and only while the files are still what it read. The
 * fitted model, the test metrics and the test set's ROC curves are kept in the work folder for the
 * publish step.
 */
@Named
@Dependent
public class FitAndEvaluateBatchlet extends AbstractBatchlet {

    @Inject
    JobRun run;

    @Inject
    StepContext stepContext;

    @Inject
    BuilderMetrics metrics;

    @Inject
    TrainingService training;

    @Override
    public String process() throws Exception {
        TrainingRequest request = run.request();
        TrainingParameters parameters = request.parameters();
        ValidatedData validated = run.validatedDataUnchanged();
        JobWorkFolder workFolder = run.workFolder();
        Dataset train = workFolder.trainingSet();
        PipelineModel fitted = training.fit(parameters, train);
        metrics.rowsTrained(request.model(), train.rows());
        workFolder.saveModel(fitted);
        FitReport report = fitted.classifier().report();
        String summary = report.solver() + ", " + report.iterations() + " iterations, objective " + report.objective();
        if (validated.test()) {
            ScoredRows testRows = training.evaluate(parameters, fitted, workFolder.testSet());
            Metrics test = testRows.metrics();
            workFolder.saveTestMetrics(test);
            workFolder.saveRoc(RocPoints.ofTestSet(testRows));
            summary += ", test accuracy " + test.accuracy();
        }
        stepContext.setExitStatus(summary);
        return summary;
    }
}
