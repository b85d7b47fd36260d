package org.mlplatform.inference.scorings.entity;

import java.nio.file.Path;

import org.mlplatform.inference.models.control.VersionSelector;

/**
 * A checked score-file request.
 *
 * @param input            the input file, inside the data folder
 * @param output           the output file inside the data folder, or null for the default name
 * @param maxRowsPerSecond 0 for no limit
 */
public record ScoringRequest(String model, VersionSelector version, Path input, Path output, boolean includeInput,
                             BadRowPolicy badRows, int checkpointRows, int batchRows, long maxRowsPerSecond) {

    public static final int DEFAULT_CHECKPOINT_ROWS = 100_000;
    public static final int DEFAULT_BATCH_ROWS = 1_000;
}
