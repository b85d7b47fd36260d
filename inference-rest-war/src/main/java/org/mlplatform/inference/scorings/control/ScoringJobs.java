package org.mlplatform.inference.scorings.control;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.TreeMap;

import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.JobExecutionIsRunningException;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.mlplatform.inference.scorings.entity.ScoringExecution;
import org.mlplatform.inference.scorings.entity.ScoringPlan;

/**
 * Starts, restarts, stops and describes {@code score-file} executions; REST and JMS both come
 * through here, so a request is checked the same way before a job starts. Runs outside any caller
 * transaction: the job repository commits a new execution at once.
 */
@ApplicationScoped
public class ScoringJobs {

    public static final String JOB = "score-file";
    static final String SCORE_STEP = "score";
    private static final int LIST_LIMIT = 100;

    @Inject
    ScoringFolders folders;

    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public ScoringExecution start(Map<String, String> parameters) {
        folders.validator().validate(parameters);
        Properties jobParameters = new Properties();
        parameters.forEach((key, value) -> {
            if (value != null) {
                jobParameters.setProperty(key, value);
            }
        });
        return describe(operator().start(JOB, jobParameters));
    }

    /** Restarts a failed, stopped or crashed execution with its parameters; it resumes at the last checkpoint. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public ScoringExecution restart(long executionId) {
        execution(executionId);
        Properties parameters = operator().getParameters(executionId);
        try {
            return describe(operator().restart(executionId, parameters == null ? new Properties() : parameters));
        } catch (JobExecutionAlreadyCompleteException e) {
            throw ScoringException.conflict("execution " + executionId + " completed; start a new job to score again");
        } catch (JobExecutionNotMostRecentException e) {
            throw ScoringException.conflict("execution " + executionId + " is not the latest of its job; restart the latest");
        } catch (JobExecutionIsRunningException | JobRestartException e) {
            throw ScoringException.conflict("execution " + executionId + " cannot be restarted now: " + e.getMessage());
        }
    }

    public ScoringExecution stop(long executionId) {
        execution(executionId);
        try {
            operator().stop(executionId);
        } catch (JobExecutionNotRunningException e) {
            throw ScoringException.conflict("execution " + executionId + " is not running");
        }
        return describe(executionId);
    }

    public ScoringExecution describe(long executionId) {
        JobExecution execution = execution(executionId);
        JobOperator operator = operator();
        JobInstance instance = operator.getJobInstance(executionId);
        Map<String, String> parameters = new TreeMap<>();
        Properties properties = operator.getParameters(executionId);
        if (properties != null) {
            properties.stringPropertyNames().forEach(name -> parameters.put(name, properties.getProperty(name)));
        }
        Optional<ScoringPlan> plan = folders.plan(instance.getInstanceId());
        Optional<StepExecution> score = latestScoreStep(operator, instance);
        long[] progress = score.map(StepExecution::getPersistentUserData).filter(long[].class::isInstance).map(long[].class::cast)
                .orElse(new long[3]);
        long rowsDone = progress[0] + progress[1];
        Double rowsPerSecond = score.filter(step -> step.getStartTime() != null).map(step -> {
            Instant end = step.getEndTime() == null ? Instant.now() : step.getEndTime().toInstant();
            double seconds = Duration.between(step.getStartTime().toInstant(), end).toNanos() / 1e9;
            return seconds <= 0 ? null : Math.round((rowsDone - progress[2]) / seconds * 10) / 10.0;
        }).orElse(null);
        boolean ready = execution.getBatchStatus() == BatchStatus.COMPLETED
                && plan.map(p -> Files.isRegularFile(folders.data().resolve(p.output()))).orElse(false);
        return new ScoringExecution(execution.getExecutionId(), instance.getInstanceId(), execution.getBatchStatus().name(),
                execution.getExitStatus(), parameters.get("model"), plan.map(ScoringPlan::versionRequested).orElse(parameters.get("version")),
                plan.map(ScoringPlan::version).orElse(null), plan.map(ScoringPlan::input).orElse(parameters.get("input")),
                plan.map(ScoringPlan::output).orElse(null), plan.map(ScoringPlan::rejected).orElse(null), ready,
                rowsDone, totalRows(instance.getInstanceId(), execution.getBatchStatus(), rowsDone), progress[1], rowsPerSecond, progress[2],
                instant(execution.getCreateTime()), instant(execution.getStartTime()), instant(execution.getEndTime()), parameters,
                failure(execution));
    }

    /**
     * The count saved beside the job; a completed job read every row, so without that file (a job planned
     * before rows were counted) its rows done are the total.
     */
    private Long totalRows(long instanceId, BatchStatus status, long rowsDone) {
        OptionalLong total = folders.totalRows(instanceId);
        if (total.isPresent()) {
            return total.getAsLong();
        }
        return status == BatchStatus.COMPLETED ? rowsDone : null;
    }

    /** Executions of the most recent job instances, newest first. */
    public List<ScoringExecution> list() {
        JobOperator operator = operator();
        List<JobInstance> instances;
        try {
            instances = operator.getJobInstances(JOB, 0, LIST_LIMIT);
        } catch (NoSuchJobException e) {
            return List.of();
        }
        List<ScoringExecution> executions = new ArrayList<>();
        for (JobInstance instance : instances) {
            for (JobExecution execution : operator.getJobExecutions(instance)) {
                executions.add(describe(execution.getExecutionId()));
            }
        }
        executions.sort(Comparator.comparingLong(ScoringExecution::id).reversed());
        return executions;
    }

    private static Optional<StepExecution> latestScoreStep(JobOperator operator, JobInstance instance) {
        List<JobExecution> executions = new ArrayList<>(operator.getJobExecutions(instance));
        executions.sort(Comparator.comparingLong(JobExecution::getExecutionId).reversed());
        for (JobExecution execution : executions) {
            for (StepExecution step : operator.getStepExecutions(execution.getExecutionId())) {
                if (SCORE_STEP.equals(step.getStepName())) {
                    return Optional.of(step);
                }
            }
        }
        return Optional.empty();
    }

    private static JobExecution execution(long executionId) {
        JobExecution execution;
        try {
            execution = operator().getJobExecution(executionId);
        } catch (jakarta.batch.operations.NoSuchJobExecutionException e) {
            execution = null;
        }
        if (execution == null || !JOB.equals(execution.getJobName())) {
            throw ScoringException.notFound(null, "no score-file execution " + executionId);
        }
        return execution;
    }

    private static String failure(JobExecution execution) {
        if (execution.getBatchStatus() != BatchStatus.FAILED) {
            return null;
        }
        String exitStatus = execution.getExitStatus();
        return exitStatus != null && exitStatus.startsWith("FAILED ") ? exitStatus.substring("FAILED ".length()) : "the job failed";
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
