package org.mlplatform.pipeline.training;

/**
 * Armijo sufficient decrease, plus the case where the objective can no longer tell: close to the
 * optimum the predicted decrease {@code |g . d|} falls below the rounding error of the objective
 * (about {@code 1e-16 * |f|}), and a step is then taken when it reduces the gradient instead.
 */
final class StepAcceptance {

    private static final double ARMIJO = 1e-4;
    private static final double ROUNDING = 64 * Math.ulp(1.0);

    private StepAcceptance() {
    }

    static boolean accept(double value, double trialValue, double step, double directionalDerivative,
                          double gradientMaxNorm, double trialGradientMaxNorm) {
        if (!Double.isFinite(trialValue)) {
            return false;
        }
        if (trialValue <= value + ARMIJO * step * directionalDerivative) {
            return true;
        }
        return trialValue <= value + ROUNDING * Math.abs(value) && trialGradientMaxNorm < gradientMaxNorm;
    }
}
