package org.mlplatform.inference.scorings.entity;

import java.util.List;

/**
 * What the job resolved when it started, kept in its work folder so that every step, a restart and
 * the status read the same: the model version (a selector such as {@code production} or latest is
 * resolved once), the input's shape and the output names. Paths are relative to the data folder.
 * The input's rows are not in it: they are counted while the job scores ({@code ScoringFolders#totalRows}).
 */
public record ScoringPlan(String model, String versionRequested, int version, String sha256, int featureCount,
                          List<String> featureNames, List<String> classes, String input, boolean inputHeader,
                          String output, String rejected, boolean includeInput, String badRows, int checkpointRows,
                          int batchRows, long maxRowsPerSecond, String resolvedAt) {

    public BadRowPolicy badRowPolicy() {
        return BadRowPolicy.valueOf(badRows.toUpperCase(java.util.Locale.ROOT));
    }
}
