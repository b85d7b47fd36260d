package org.mlplatform.inference.drift.entity;

/**
 * The usual reading of a Population Stability Index: below {@value #MODERATE_PSI} stable, up to
 * {@value #SIGNIFICANT_PSI} moderate, above it significant; no-data while the recent window is empty.
 */
public enum DriftStatus {
    STABLE("stable"), MODERATE("moderate"), SIGNIFICANT("significant"), NO_DATA("no-data");

    public static final double MODERATE_PSI = 0.1;
    public static final double SIGNIFICANT_PSI = 0.25;

    private final String label;

    DriftStatus(String label) {
        this.label = label;
    }

    /** As the drift document spells it: {@code stable}, {@code moderate}, {@code significant}, {@code no-data}. */
    public String label() {
        return label;
    }

    public static DriftStatus of(double psi) {
        if (Double.isNaN(psi)) {
            return NO_DATA;
        }
        return psi < MODERATE_PSI ? STABLE : psi <= SIGNIFICANT_PSI ? MODERATE : SIGNIFICANT;
    }
}
