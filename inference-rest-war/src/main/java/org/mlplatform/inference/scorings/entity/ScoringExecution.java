package org.mlplatform.inference.scorings.entity;

import java.time.Instant;
import java.util.Map;

/**
 * One execution of the {@code score-file} job as the REST API shows it.
 *
 * @param id               execution id ({@code JobOperator}); a restart adds an execution to the same instance
 * @param status           batch status: STARTING, STARTED, STOPPING, STOPPED, FAILED, COMPLETED, ABANDONED
 * @param version          the version the job resolved and scores with (null until resolved)
 * @param output           output CSV, relative to the data folder; it exists only once {@code outputReady}
 * @param rejectedOutput   rejected-rows CSV (badRows = skip), relative to the data folder
 * @param rowsDone         input rows handled so far (written or rejected), as of the last chunk
 * @param rowsTotal        data rows of the input: null until counted (beside the scoring), there once the job completed
 * @param rowsPerSecond    rows handled per second by this execution's scoring step
 * @param resumedAtRow     rows already done when this execution's scoring step started (0 for a fresh start)
 * @param failure          why the job failed, null unless it did
 */
public record ScoringExecution(long id, long instanceId, String status, String exitStatus, String model, String versionRequested,
                               Integer version, String input, String output, String rejectedOutput, boolean outputReady,
                               long rowsDone, Long rowsTotal, long rowsRejected, Double rowsPerSecond, long resumedAtRow,
                               Instant created, Instant started, Instant ended, Map<String, String> parameters, String failure) {
}
