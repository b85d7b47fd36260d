package org.mlplatform.inference.drift.control;

/**
 * Distances between a reference and a recent distribution over the same bins (shares summing to 1).
 */
public final class DriftMeasures {

    /**
     * The floor of a share in the PSI: an empty bin on either side would make the logarithm
     * infinite, so shares below it count as {@value}; one empty bin then adds at most about 0.001
     * times ln(share / 0.0001) instead of infinity.
     */
    public static final double PSI_EPSILON = 1e-4;

    private DriftMeasures() {
    }

    /** Population Stability Index: sum over bins of (r - b) ln(r / b), both shares floored at {@link #PSI_EPSILON}. */
    public static double psi(double[] reference, double[] recent) {
        requireSameBins(reference, recent);
        double sum = 0;
        for (int i = 0; i < reference.length; i++) {
            double b = Math.max(reference[i], PSI_EPSILON);
            double r = Math.max(recent[i], PSI_EPSILON);
            sum += (r - b) * Math.log(r / b);
        }
        return sum;
    }

    /**
     * Jensen–Shannon distance: the square root of the divergence with base-2 logarithms, 0 for equal
     * distributions and 1 for disjoint ones. No floor needed: an empty bin contributes nothing.
     */
    public static double jensenShannon(double[] reference, double[] recent) {
        requireSameBins(reference, recent);
        double divergence = 0;
        for (int i = 0; i < reference.length; i++) {
            double middle = (reference[i] + recent[i]) / 2;
            divergence += (halfRelativeEntropy(reference[i], middle) + halfRelativeEntropy(recent[i], middle));
        }
        return Math.sqrt(Math.max(0, divergence));
    }

    private static double halfRelativeEntropy(double p, double middle) {
        return p <= 0 ? 0 : p * Math.log(p / middle) / Math.log(2) / 2;
    }

    private static void requireSameBins(double[] reference, double[] recent) {
        if (reference.length != recent.length) {
            throw new IllegalArgumentException("reference has " + reference.length + " bins, recent " + recent.length);
        }
    }
}
