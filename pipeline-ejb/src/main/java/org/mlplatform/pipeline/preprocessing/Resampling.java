package org.mlplatform.pipeline.preprocessing;

/** Oversampling of minority classes; names are those of the {@code --resample} option. */
public enum Resampling {
    /** Train on the rows as given. */
    NONE,
    /** SMOTE (k = 5 neighbours, seeded), applied to training rows only. */
    SMOTE
}
