package org.mlplatform.pipeline;

import org.mlplatform.pipeline.preprocessing.Resampling;
import org.mlplatform.pipeline.preprocessing.ScalerKind;
import org.mlplatform.pipeline.training.ClassWeight;

/**
 * The hyper-parameters of one training run, named as the command-line options and batch job
 * parameters are. {@link #defaults()} follows the original service: robust scaler, balanced class
 * weights, C = 1, 5 folds.
 *
 * @param c           inverse regularisation strength, from {@link #MIN_C} to {@link #MAX_C}
 * @param classWeight sample weighting in the loss
 * @param scaler      feature scaler fitted on the training rows
 * @param resample    oversampling of minority classes in training rows
 * @param tol         stop when the largest absolute gradient component is at most {@code tol}, from
 *                    {@link #MIN_TOL} to {@link #MAX_TOL}
 * @param maxIter     most solver iterations
 * @param cvFolds     stratified cross-validation folds; 0 or 1 skips cross-validation
 * @param seed        seeds fold assignment and SMOTE
 */
public record TrainingParameters(double c, ClassWeight classWeight, ScalerKind scaler, Resampling resample,
                                 double tol, int maxIter, int cvFolds, long seed) {

    /*
     * The range of C and tol in which the solvers reach the optimum of every reference case (seed,
     * iris, breast_cancer; raw, standard and robust scaling) within the default 1000 iterations, at
     * every corner. Outside it they need not: C = 1e-20 leaves the raw sets unconverged after 1000
     * Newton steps, so does C = 1e10 with tol = 1e-12 on raw breast_cancer,
     * C = 1e-320 makes the regularisation weight 1 / (C * rows) infinite (the solver breaks down),
     * tol = 1e-15 is below what double precision resolves on some sets, and a tol above 0.1 stops
     * before the first step.
     */
    /** Smallest C accepted. */
    public static final double MIN_C = 1e-8;
    /** Largest C accepted. */
    public static final double MAX_C = 1e8;
    /** Smallest tol accepted. */
    public static final double MIN_TOL = 1e-12;
    /** Largest tol accepted. */
    public static final double MAX_TOL = 0.1;

    public TrainingParameters {
        if (!(c >= MIN_C && c <= MAX_C)) {
            throw new IllegalArgumentException("C must be from " + MIN_C + " to " + MAX_C + ", got " + c);
        }
        if (!(tol >= MIN_TOL && tol <= MAX_TOL)) {
            throw new IllegalArgumentException("tol must be from " + MIN_TOL + " to " + MAX_TOL + ", got " + tol);
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
