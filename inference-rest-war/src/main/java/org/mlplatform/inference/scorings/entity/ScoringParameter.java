package org.mlplatform.inference.scorings.entity;

import java.util.Arrays;
import java.util.Optional;

/** The score-file job parameters: REST/JMS JSON members, HAL/CLI job properties (all strings there). */
public enum ScoringParameter {
    MODEL("model"),
    VERSION("version"),
    INPUT("input"),
    OUTPUT("output"),
    INCLUDE_INPUT("includeInput"),
    BAD_ROWS("badRows"),
    CHECKPOINT_ROWS("checkpointRows"),
    BATCH_ROWS("batchRows"),
    MAX_ROWS_PER_SECOND("maxRowsPerSecond");

    private final String key;

    ScoringParameter(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<ScoringParameter> of(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }
}
