package org.mlplatform.pipeline.preprocessing;

/** The feature scalers a training job can ask for; names are those of the {@code --scaler} option. */
public enum ScalerKind {
    /** Raw features. */
    NONE,
    /** Mean and population standard deviation, as scikit-learn's {@code StandardScaler}. */
    STANDARD,
    /** Median and inter-quartile range, as scikit-learn's {@code RobustScaler}. */
    ROBUST
}
