package org.mlplatform.pipeline.training;

import org.mlplatform.pipeline.options.TrainingOption;

/**
 * The hyper-parameters of {@link LogisticRegressionTrainer}. Bounds and defaults are those of
 * {@link TrainingOption}.
 *
 * @param c           inverse regularisation strength
 * @param classWeight sample weighting in the loss
 * @param tol         stop when the largest absolute gradient component is at most {@code tol}
 * @param maxIter     most solver iterations
 */
public record LogisticRegressionParameters(double c, ClassWeight classWeight, double tol, int maxIter) {

    public LogisticRegressionParameters {
        TrainingOption.C.check(c);
        TrainingOption.CLASS_WEIGHT.check(classWeight);
        TrainingOption.TOL.check(tol);
        TrainingOption.MAX_ITER.check(maxIter);
    }

    public static LogisticRegressionParameters defaults() {
        return new LogisticRegressionParameters((Double) TrainingOption.C.parse(null),
                (ClassWeight) TrainingOption.CLASS_WEIGHT.parse(null), (Double) TrainingOption.TOL.parse(null),
                (Integer) TrainingOption.MAX_ITER.parse(null));
    }

    /** A trainer with these hyper-parameters. */
    public LogisticRegressionTrainer trainer() {
        return new LogisticRegressionTrainer(c, classWeight, tol, maxIter);
    }
}
