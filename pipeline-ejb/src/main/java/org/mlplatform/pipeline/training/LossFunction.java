package org.mlplatform.pipeline.training;

/**
 * A smooth convex objective over a flat parameter vector, as the solvers see it. Implementations
 * remember the point of the last {@link #valueAndGradient} call; the curvature methods refer to it.
 */
interface LossFunction {

    /** Number of parameters. */
    int dimension();

    /** The objective at {@code theta}; writes its gradient into {@code gradient}. */
    double valueAndGradient(double[] theta, double[] gradient);

    /** The full Hessian at the last evaluated point, into a symmetric {@code dimension x dimension} array. */
    void hessian(double[][] hessian);

    /** The Hessian's diagonal at the last evaluated point. */
    void hessianDiagonal(double[] diagonal);
}
