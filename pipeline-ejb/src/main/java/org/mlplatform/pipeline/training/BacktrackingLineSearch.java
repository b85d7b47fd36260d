package org.mlplatform.pipeline.training;

/**
 * The solvers' current point, from zero on, and the step they share: along a descent direction, try
 * the step lengths 1, 1/2, 1/4, ... until {@link StepAcceptance} takes one, then move there. The point
 * left behind stays readable (L-BFGS needs it for its update) until the next move.
 */
final class BacktrackingLineSearch {

    private static final int MAX_HALVINGS = 50;

    private final LossFunction loss;
    private double[] point;
    private double[] gradient;
    private double[] previousPoint;
    private double[] previousGradient;
    private double value;
    private double gradientMaxNorm;

    BacktrackingLineSearch(LossFunction loss) {
        this.loss = loss;
        int dimension = loss.dimension();
        point = new double[dimension];
        gradient = new double[dimension];
        previousPoint = new double[dimension];
        previousGradient = new double[dimension];
        evaluate();
    }

    /**
     * Moves along {@code direction}, whose slope {@code gradient . direction} is given, by the first step
     * length accepted; returns false, staying put, when none of them is.
     */
    boolean advance(double[] direction, double slope) {
        double step = 1.0;
        for (int halving = 0; halving <= MAX_HALVINGS; halving++, step *= 0.5) {
            for (int j = 0; j < point.length; j++) {
                previousPoint[j] = point[j] + step * direction[j];
            }
            double trialValue = loss.valueAndGradient(previousPoint, previousGradient);
            double trialGradientMaxNorm = DenseKernels.maxAbs(previousGradient);
            if (StepAcceptance.accept(value, trialValue, step, slope, gradientMaxNorm, trialGradientMaxNorm)) {
                double[] swap = point;
                point = previousPoint;
                previousPoint = swap;
                swap = gradient;
                gradient = previousGradient;
                previousGradient = swap;
                value = trialValue;
                gradientMaxNorm = trialGradientMaxNorm;
                return true;
            }
        }
        return false;
    }

    /** Evaluates the loss at the current point again, so that its curvature methods refer to it. */
    void evaluate() {
        value = loss.valueAndGradient(point, gradient);
        gradientMaxNorm = DenseKernels.maxAbs(gradient);
    }

    double[] point() {
        return point;
    }

    double[] gradient() {
        return gradient;
    }

    /** The point before the last move; meaningful only right after {@link #advance} returned true. */
    double[] previousPoint() {
        return previousPoint;
    }

    double[] previousGradient() {
        return previousGradient;
    }

    double gradientMaxNorm() {
        return gradientMaxNorm;
    }

    SolverResult result(int iterations, double tol) {
        return new SolverResult(point, iterations, value, gradientMaxNorm, gradientMaxNorm <= tol);
    }
}
