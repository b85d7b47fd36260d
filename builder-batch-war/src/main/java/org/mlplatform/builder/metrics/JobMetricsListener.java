package org.mlplatform.builder.metrics;

import java.util.Date;
import java.util.List;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.StepExecution;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.mlplatform.builder.trainings.batch.JobRun;
import org.mlplatform.builder.trainings.control.JobWorkFolder;
import org.mlplatform.builder.trainings.entity.PublishedModel;
import org.mlplatform.pipeline.evaluation.CrossValidationResult;

/**
 * Job listener of train-model: counts the execution as submitted (console/CLI when the application
 * did not start it), and when it ends, its batch status, the duration of each step it ran (from the
 * job repository's start and end times) and, when it published, the model's published version and
 * cross-validation means.
 */
@Named
@Dependent
public class JobMetricsListener extends AbstractJobListener {

    static final String PUBLISH_STEP = "publish";

    @Inject
    JobContext jobContext;

    @Inject
    JobRun run;

    @Inject
    BuilderMetrics metrics;

    @Override
    public void beforeJob() {
        metrics.jobStarting(jobContext.getExecutionId());
    }

    @Override
    public void afterJob() {
        if (!metrics.enabled()) {
            return;
        }
        List<StepExecution> steps = BatchRuntime.getJobOperator().getStepExecutions(jobContext.getExecutionId());
        boolean failed = false;
        boolean stopped = false;
        Long publishMillis = null;
        for (StepExecution step : steps) {
            failed |= step.getBatchStatus() == BatchStatus.FAILED;
            stopped |= step.getBatchStatus() == BatchStatus.STOPPED;
            Long millis = millis(step.getStartTime(), step.getEndTime());
            if (millis != null) {
                metrics.step(step.getStepName(), millis);
                if (PUBLISH_STEP.equals(step.getStepName()) && step.getBatchStatus() == BatchStatus.COMPLETED) {
                    publishMillis = millis;
                }
            }
        }
        metrics.jobFinished(status(jobContext.getBatchStatus(), failed, stopped).name());
        if (publishMillis != null) {
            JobWorkFolder work = run.workFolder();
            PublishedModel published = work.published().orElse(null);
            if (published != null) {
                CrossValidationResult cv = work.crossValidation().orElse(null);
                metrics.published(published.model(), published.version(), publishMillis,
                        cv == null ? Double.NaN : cv.meanAccuracy(), cv == null ? Double.NaN : cv.meanLogLoss(),
                        cv == null || cv.meanRocAuc() == null ? Double.NaN : cv.meanRocAuc());
            }
        }
    }

    /**
     * The status the execution ends with. JBeret calls afterJob before it marks a successful
     * execution COMPLETED (it still reads STARTED then); a failed or stopped step decides otherwise.
     */
    static BatchStatus status(BatchStatus current, boolean stepFailed, boolean stepStopped) {
        if (current == BatchStatus.FAILED || stepFailed) {
            return BatchStatus.FAILED;
        }
        if (current == BatchStatus.STOPPED || current == BatchStatus.STOPPING || stepStopped) {
            return BatchStatus.STOPPED;
        }
        if (current == BatchStatus.ABANDONED) {
            return BatchStatus.ABANDONED;
        }
        return BatchStatus.COMPLETED;
    }

    private static Long millis(Date start, Date end) {
        return start == null || end == null ? null : end.getTime() - start.getTime();
    }
}
