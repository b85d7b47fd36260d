package org.mlplatform.builder.trainings.batch;

import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.mlplatform.builder.trainings.control.BuilderFolders;
import org.mlplatform.builder.trainings.control.InvalidRequestException;

/**
 * Writes why a step failed into the step's and the job's exit status, where the REST API, the
 * admin console and the CLI show it, without the server's absolute folder paths. A solver breakdown
 * ({@code SolverBreakdownException}) says which solver, where and what to change. The exit status
 * column holds 512 characters.
 */
@Named
@Dependent
public class FailureReasonListener extends AbstractStepListener {

    private static final int EXIT_STATUS_LENGTH = 500;

    @Inject
    StepContext stepContext;

    @Inject
    JobContext jobContext;

    @Inject
    BuilderFolders folders;

    @Override
    public void afterStep() {
        Exception exception = stepContext.getException();
        if (exception == null) {
            return;
        }
        String reason = stepContext.getStepName() + ": " + folders.withoutAbsolutePaths(describe(exception));
        if (reason.length() > EXIT_STATUS_LENGTH) {
            reason = reason.substring(0, EXIT_STATUS_LENGTH);
        }
        stepContext.setExitStatus("FAILED " + reason);
        jobContext.setExitStatus("FAILED " + reason);
    }

    private static String describe(Throwable exception) {
        if (exception instanceof InvalidRequestException invalid) {
            return invalid.field() + ": " + invalid.getMessage();
        }
        String message = exception.getMessage();
        return message == null ? exception.getClass().getSimpleName() : message;
    }
}
