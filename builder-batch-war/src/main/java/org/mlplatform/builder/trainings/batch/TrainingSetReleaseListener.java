package org.mlplatform.builder.trainings.batch;

import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Frees the training rows the cross-validation partitions shared once the step has ended. */
@Named
@Dependent
public class TrainingSetReleaseListener extends AbstractStepListener {

    @Inject
    JobContext jobContext;

    @Inject
    SharedTrainingSets trainingSets;

    @Override
    public void afterStep() {
        trainingSets.release(jobContext.getExecutionId());
    }
}
