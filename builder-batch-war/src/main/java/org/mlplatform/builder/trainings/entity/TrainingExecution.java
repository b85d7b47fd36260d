package org.mlplatform.builder.trainings.entity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One execution of the {@code train-model} job as the REST API shows it.
 *
 * @param id         the execution id ({@code JobOperator} execution id)
 * @param instanceId the job instance; restarts add executions to the same instance
 * @param status     the batch status: STARTING, STARTED, STOPPING, STOPPED, FAILED, COMPLETED, ABANDONED
 * @param exitStatus the job exit status: the published version or the failure reason once ended
 * @param failure    why the job failed, null unless it did
 */
public record TrainingExecution(long id, long instanceId, String model, String status, String exitStatus,
                                Instant created, Instant started, Instant ended, Map<String, String> parameters,
                                List<StepStatus> steps, Progress progress, PublishedModel published,
                                TrainingMetrics metrics, String failure) {
}
