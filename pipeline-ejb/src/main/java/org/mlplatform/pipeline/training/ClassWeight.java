package org.mlplatform.pipeline.training;

/** How samples are weighted in the loss; names are those of the {@code --class-weight} option. */
public enum ClassWeight {
    /** Every sample weighs 1. */
    NONE,
    /** A sample of class k weighs {@code n / (K * count_k)}, as scikit-learn's {@code 'balanced'}. */
    BALANCED
}
