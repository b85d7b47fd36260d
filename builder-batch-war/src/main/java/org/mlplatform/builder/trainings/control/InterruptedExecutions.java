package org.mlplatform.builder.trainings.control;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jberet.operations.AbstractJobOperator;
import org.jberet.repository.JobRepository;
import org.jberet.runtime.AbstractStepExecution;
import org.jberet.runtime.JobExecutionImpl;
import org.jberet.spi.JobOperatorContext;

import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Marks the executions that a server died in the middle of (kill -9, power loss) as {@code FAILED}
 * with the reason {@value #REASON}, when that server starts again. Without this the job repository
 * shows them {@code STARTING}, {@code STARTED} or {@code STOPPING} for ever, since nothing is left to
 * end them. A restart of such an execution then works as for any failed one: completed steps are
 * not run again.
 * <p>
 * Only executions {@link RunningExecutions} recorded on this server are touched, so with a job
 * repository shared by several servers a node never fails another live node's job. The batch API has
 * no way to end an execution that is not running, so this uses JBeret's job repository, the one the
 * server's batch subsystem uses.
 */
@ApplicationScoped
public class InterruptedExecutions {

    public static final String REASON = "the server stopped during the job";

    private static final Logger LOG = Logger.getLogger(InterruptedExecutions.class.getName());
    private static final Set<BatchStatus> RUNNING = EnumSet.of(BatchStatus.STARTING, BatchStatus.STARTED,
            BatchStatus.STOPPING);

    @Inject
    RunningExecutions running;

    /** Fails the executions this server was running when it last stopped without ending them. */
    public void failLeftRunning() {
        JobOperator operator = JobOperatorContext.getJobOperatorContext().getJobOperator();
        if (!(operator instanceof AbstractJobOperator jberet)) {
            LOG.warning("the batch runtime is not JBeret; executions left running by a stopped server stay as they are");
            return;
        }
        JobRepository repository = jberet.getJobRepository();
        for (long executionId : running.recorded()) {
            try {
                JobExecutionImpl execution = (JobExecutionImpl) repository.getJobExecution(executionId);
                if (execution != null && RUNNING.contains(execution.getBatchStatus())) {
                    fail(repository, execution);
                    LOG.warning(() -> "training execution " + executionId + " was running when the server stopped;"
                            + " marked FAILED (" + REASON + ")");
                }
            } catch (NoSuchJobExecutionException gone) {
                // removed from the repository since
            }
            running.ended(executionId);
        }
    }

    private static void fail(JobRepository repository, JobExecutionImpl execution) {
        ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        for (StepExecution step : repository.getStepExecutions(execution.getExecutionId(), classLoader)) {
            if (RUNNING.contains(step.getBatchStatus()) && step instanceof AbstractStepExecution stepExecution) {
                stepExecution.setBatchStatus(BatchStatus.FAILED);
                stepExecution.setExitStatus("FAILED " + REASON);
                repository.updateStepExecution(stepExecution);
            }
        }
        execution.setExitStatus("FAILED " + REASON);
        execution.setBatchStatus(BatchStatus.FAILED);
        repository.updateJobExecution(execution, true, false);
    }
}
