package org.mlplatform.inference.scorings.entity;

import java.util.Locale;

/** What the score-file job does with a row it cannot read. */
public enum BadRowPolicy {
    /** Fail the job, naming file, line and column (the default). */
    FAIL,
    /** Leave the row out of the output and write it, with the reason, to the rejected-rows file. */
    SKIP;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
