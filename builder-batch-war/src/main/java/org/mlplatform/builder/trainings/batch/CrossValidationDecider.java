package org.mlplatform.builder.trainings.batch;

import jakarta.batch.api.Decider;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Skips the cross-validation step when the job asks for no folds ({@code cvFolds=0}). */
@Named
@Dependent
public class CrossValidationDecider implements Decider {

    static final String CROSS_VALIDATE = "CROSS_VALIDATE";
    static final String SKIP = "SKIP";

    @Inject
    JobRun run;

    @Override
    public String decide(StepExecution[] executions) {
        return run.request().parameters().pipeline().cvFolds() == 0 ? SKIP : CROSS_VALIDATE;
    }
}
