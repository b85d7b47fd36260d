package org.mlplatform.builder.trainings.control;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jberet.spi.PropertyKey;
import org.mlplatform.builder.metrics.CountsSubmission;
import org.mlplatform.builder.trainings.entity.Progress;
import org.mlplatform.builder.trainings.entity.StepStatus;
import org.mlplatform.builder.trainings.entity.TrainingExecution;
import org.mlplatform.builder.trainings.entity.TrainingMetrics;
import org.mlplatform.pipeline.TrainingRequest;
import org.mlplatform.pipeline.boundary.TrainingService;
import org.mlplatform.pipeline.options.InvalidOptionException;
import org.mlplatform.pipeline.options.TrainingOption;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Starts, restarts, stops and describes {@code train-model} executions. Every door (REST, JMS)
 * comes through here, so a request is checked the same way before a job starts.
 * <p>
 * Starting runs outside any caller transaction: the job repository commits the new execution at
 * once, and a message-driven caller's transaction only decides the fate of its message.
 */
@ApplicationScoped
public class TrainingJobs {

    /** Most job instances {@link #list()} returns, newest first. */
    private static final int LIST_LIMIT = 100;

    @Inject
    BuilderFolders folders;

    @Inject
    TrainingService training;

    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    @CountsSubmission
    public TrainingExecution start(Map<String, String> parameters) {
        TrainingRequest request = folders.validator().validate(parameters);
        folders.checked().keep(parameters, request, TrainingDataCheck.load(training, request, folders.data()));
        Properties jobParameters = new Properties();
        parameters.forEach(jobParameters::setProperty);
        return describe(operator().start(TrainingJob.NAME, jobParameters));
    }

    /** Restarts a failed or stopped execution with its parameters; completed steps are not redone. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    @CountsSubmission
    public TrainingExecution restart(long executionId) {
        JobExecution execution = execution(executionId);
        Properties parameters = operator().getParameters(execution.getExecutionId());
        Properties restartParameters = parameters == null ? new Properties() : parameters;
        // Only a FAILED or STOPPED execution restarts. JBeret's default ("detect") would take an
        // execution that another node of a cluster is running for a crashed one and run it twice;
        // an execution cut off by a crash is FAILED once its server is back (InterruptedExecutions).
        restartParameters.setProperty(PropertyKey.RESTART_MODE, PropertyKey.RESTART_MODE_STRICT);
        return describe(operator().restart(executionId, restartParameters));
    }

    public TrainingExecution stop(long executionId) {
        execution(executionId);
        operator().stop(executionId);
        return describe(executionId);
    }

    public TrainingExecution describe(long executionId) {
        JobExecution execution = execution(executionId);
        JobOperator operator = operator();
        JobInstance instance = operator.getJobInstance(executionId);
        Map<String, String> parameters = new TreeMap<>();
        parameters(operator.getParameters(executionId))
                .forEach((name, value) -> parameters.put(name, folders.withoutAbsolutePaths(value)));
        List<StepStatus> steps = steps(operator, instance).stream()
                .map(step -> new StepStatus(step.name(), step.status(), folders.withoutAbsolutePaths(step.exitStatus()),
                        step.executionId(), step.started(), step.ended()))
                .toList();
        int folds = folds(parameters);
        JobWorkFolder workFolder = folders.work(instance.getInstanceId());
        int stepsCompleted = (int) steps.stream().filter(s -> BatchStatus.COMPLETED.name().equals(s.status())).count();
        Progress progress = new Progress(stepsCompleted, folds == 0 ? TrainingJob.STEPS.size() - 1 : TrainingJob.STEPS.size(),
                workFolder.foldsDone(), folds);
        TrainingMetrics metrics = TrainingMetrics.of(workFolder.crossValidation().orElse(null),
                workFolder.testMetrics().orElse(null));
        return new TrainingExecution(execution.getExecutionId(), instance.getInstanceId(),
                parameters.get(TrainingOption.MODEL.key()), execution.getBatchStatus().name(),
                folders.withoutAbsolutePaths(execution.getExitStatus()),
                instant(execution.getCreateTime()), instant(execution.getStartTime()), instant(execution.getEndTime()),
                parameters, steps, progress, workFolder.published().orElse(null), metrics,
                folders.withoutAbsolutePaths(failure(execution, steps)));
    }

    /** Executions of the most recent job instances, newest first. */
    public List<TrainingExecution> list() {
        JobOperator operator = operator();
        List<JobInstance> instances;
        try {
            instances = operator.getJobInstances(TrainingJob.NAME, 0, LIST_LIMIT);
        } catch (NoSuchJobException e) {
            return List.of();
        }
        List<TrainingExecution> executions = new ArrayList<>();
        for (JobInstance instance : instances) {
            for (JobExecution execution : operator.getJobExecutions(instance)) {
                executions.add(describe(execution.getExecutionId()));
            }
        }
        executions.sort(Comparator.comparingLong(TrainingExecution::id).reversed());
        return executions;
    }

    private static JobExecution execution(long executionId) {
        JobExecution execution = operator().getJobExecution(executionId);
        if (execution == null || !TrainingJob.NAME.equals(execution.getJobName())) {
            throw new NoSuchJobExecutionException("no training job execution " + executionId);
        }
        return execution;
    }

    /** The latest state of each step over all executions of the instance, in job order. */
    private static List<StepStatus> steps(JobOperator operator, JobInstance instance) {
        Map<String, StepStatus> latest = new LinkedHashMap<>();
        List<JobExecution> executions = new ArrayList<>(operator.getJobExecutions(instance));
        executions.sort(Comparator.comparingLong(JobExecution::getExecutionId));
        for (JobExecution execution : executions) {
            for (StepExecution step : operator.getStepExecutions(execution.getExecutionId())) {
                latest.put(step.getStepName(), new StepStatus(step.getStepName(), step.getBatchStatus().name(),
                        step.getExitStatus(), execution.getExecutionId(), instant(step.getStartTime()),
                        instant(step.getEndTime())));
            }
        }
        List<StepStatus> ordered = new ArrayList<>();
        TrainingJob.STEPS.stream().filter(latest::containsKey).map(latest::get).forEach(ordered::add);
        return ordered;
    }

    private static String failure(JobExecution execution, List<StepStatus> steps) {
        if (execution.getBatchStatus() != BatchStatus.FAILED) {
            return null;
        }
        String exitStatus = execution.getExitStatus();
        if (exitStatus != null && exitStatus.startsWith("FAILED ")) {
            return exitStatus.substring("FAILED ".length());
        }
        return steps.stream().filter(s -> BatchStatus.FAILED.name().equals(s.status()))
                .map(s -> "step " + s.name() + " failed").findFirst().orElse("the job failed");
    }

    /** The folds an execution runs, 0 when its cvFolds is not valid (its validate-data step failed). */
    private static int folds(Map<String, String> parameters) {
        try {
            return (Integer) TrainingOption.CV_FOLDS.parse(parameters.get(TrainingOption.CV_FOLDS.key()));
        } catch (InvalidOptionException e) {
            return 0;
        }
    }

    private static Map<String, String> parameters(Properties properties) {
        Map<String, String> parameters = new TreeMap<>();
        if (properties != null) {
            properties.stringPropertyNames().stream().filter(name -> !TrainingJob.isRuntimeParameter(name))
                    .forEach(name -> parameters.put(name, properties.getProperty(name)));
        }
        return parameters;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
