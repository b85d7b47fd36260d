package org.mlplatform.inference.scorings.batch;

import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.mlplatform.inference.scorings.control.ScoringException;

/**
 * Writes why a step failed into the step's and the job's exit status ({@code FAILED <reason>}),
 * where the REST status, the admin console and the CLI show it; a bad row's reason names file,
 * line and column. The exit status column holds 512 characters.
 */
@Named
@Dependent
public class ScoringFailureListener extends AbstractStepListener {

    private static final int EXIT_STATUS_LENGTH = 500;

    @Inject
    StepContext step;

    @Inject
    JobContext job;

    @Override
    public void afterStep() {
        Exception exception = step.getException();
        if (exception == null) {
            return;
        }
        String reason = step.getStepName() + ": " + describe(exception);
        if (reason.length() > EXIT_STATUS_LENGTH) {
            reason = reason.substring(0, EXIT_STATUS_LENGTH);
        }
        step.setExitStatus("FAILED " + reason);
        job.setExitStatus("FAILED " + reason);
    }

    private static String describe(Throwable exception) {
        if (exception instanceof ScoringException refused && refused.field() != null) {
            return refused.field() + ": " + refused.getMessage();
        }
        String message = exception.getMessage();
        return message == null ? exception.getClass().getSimpleName() : message;
    }
}
