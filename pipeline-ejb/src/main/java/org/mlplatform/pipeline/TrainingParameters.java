package org.mlplatform.pipeline;

import org.mlplatform.pipeline.preprocessing.Resampling;
import org.mlplatform.pipeline.preprocessing.ScalerKind;
import org.mlplatform.pipeline.training.ClassWeight;

/**
 * The hyper-parameters of one training run, named as the command-line options and batch job
 * parameters are. {@link #defaults()} follows the original service: robust scaler, balanced class
 * weights, C = 1, 5 folds.
 *
 * @param c           inverse regularisation strength, {@code > 0}
 * @param classWeight sample weighting in the loss
 * @param scaler      feature scaler fitted on the training rows
 * @param resample    oversampling of minority classes in training rows
 * @param tol         stop when the largest absolute gradient component is at most {@code tol}
 * @param maxIter     most solver iterations
 * @param cvFolds     stratified cross-validation folds; 0 or 1 skips cross-validation
 * @param seed        seeds fold assignment and SMOTE
 */
public record TrainingParameters(double c, ClassWeight classWeight, ScalerKind scaler, Resampling resample,
                                 double tol, int maxIter, int cvFolds, long seed) {

    public TrainingParameters {
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("C must be a positive number, got " + c);
        }
        if (!(tol > 0)) {
            throw new IllegalArgumentException("tol must be a positive number, got " + tol);
        }
        if (maxIter < 1) {
            throw new IllegalArgumentException("maxIter must be at least 1, got " + maxIter);
        }
        if (cvFolds < 0 || cvFolds == 1) {
            throw new IllegalArgumentException("cvFolds must be 0 (no cross-validation) or at least 2, got " + cvFolds);
        }
    }

    public static TrainingParameters defaults() {
        return new TrainingParameters(1.0, ClassWeight.BALANCED, ScalerKind.ROBUST, Resampling.NONE,
                1e-8, 1000, 5, 42L);
    }
}
