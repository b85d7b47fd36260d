package org.mlplatform.inference.drift.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.mlplatform.inference.drift.entity.DriftStatus;

class DriftMeasuresTest {

    @Test
    void psiOfAHalfHalfBaselineAgainstThreeQuartersIsSumOfBothBins() {
        // 0.25 ln(0.75/0.5) + (-0.25) ln(0.25/0.5) = 0.25 (0.405465 + 0.693147)
        assertEquals(0.274653, DriftMeasures.psi(new double[] {0.5, 0.5}, new double[] {0.75, 0.25}), 1e-6);
    }

    @Test
    void psiIsZeroForEqualSharesAndFiniteForAnEmptyBin() {
        assertEquals(0, DriftMeasures.psi(new double[] {0.2, 0.3, 0.5}, new double[] {0.2, 0.3, 0.5}), 1e-15);
        // the empty recent bin counts as 1e-4: (1e-4 - 0.5) ln(1e-4 / 0.5) + (1 - 0.5) ln(1 / 0.5)
        assertEquals(4.604, DriftMeasures.psi(new double[] {0.5, 0.5}, new double[] {0, 1}), 1e-3);
    }

    @Test
    void jensenShannonDistanceIsZeroForEqualOneForDisjointAndHandCheckedBetween() {
        assertEquals(0, DriftMeasures.jensenShannon(new double[] {0.5, 0.5}, new double[] {0.5, 0.5}), 1e-15);
        assertEquals(1, DriftMeasures.jensenShannon(new double[] {1, 0}, new double[] {0, 1}), 1e-15);
        // middle (0.625, 0.375); KL(recent||m) = 0.051035, KL(reference||m) = 0.046555 bits; sqrt of their mean
        assertEquals(0.220896, DriftMeasures.jensenShannon(new double[] {0.5, 0.5}, new double[] {0.75, 0.25}), 1e-6);
    }

    @Test
    void binsMustMatch() {
        assertThrows(IllegalArgumentException.class, () -> DriftMeasures.psi(new double[] {1}, new double[] {0.5, 0.5}));
    }

    @Test
    void statusFollowsTheUsualReading() {
        assertEquals(DriftStatus.STABLE, DriftStatus.of(0.099));
        assertEquals(DriftStatus.MODERATE, DriftStatus.of(0.1));
        assertEquals(DriftStatus.MODERATE, DriftStatus.of(0.25));
        assertEquals(DriftStatus.SIGNIFICANT, DriftStatus.of(0.2501));
        assertEquals(DriftStatus.NO_DATA, DriftStatus.of(Double.NaN));
    }
}
