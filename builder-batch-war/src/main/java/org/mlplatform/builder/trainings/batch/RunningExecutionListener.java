package org.mlplatform.builder.trainings.batch;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.mlplatform.builder.trainings.control.RunningExecutions;

/** Records the execution as running on this server while it runs (see {@link RunningExecutions}). */
@Named
@Dependent
public class RunningExecutionListener extends AbstractJobListener {

    @Inject
    JobContext jobContext;

    @Inject
    RunningExecutions running;

    @Override
    public void beforeJob() {
        running.started(jobContext.getExecutionId());
    }

    @Override
    public void afterJob() {
        running.ended(jobContext.getExecutionId());
    }
}
