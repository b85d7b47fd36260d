package org.mlplatform.inference.predictions.control;

import com.fasterxml.jackson.core.io.schubfach.FloatToDecimal;

/**
 * A float32 as text, exactly as {@link Float#toString} prints it on the JDK this service runs on
 * (17), with a third less CPU for the probabilities every response is made of (58 against 88 ns
 * per random probability, measured here).
 * <p>
 * JDK 17's {@code Float.toString} (FloatingDecimal) took 16-25 % of the CPU of a batch prediction or a
 * scoring job. Jackson's port of Schubfach, the algorithm of {@code Float.toString} since JDK 19,
 * prints the same text for every float in (0, 1) except powers of two and subnormal numbers, where
 * JDK 17 prints more digits than needed (e.g. {@code 7.4505806E-9} against {@code 7.450581E-9}):
 * compared for all 1,065,353,217 floats in [0, 1], 19 differ, each of them a power of two or
 * subnormal ({@code FloatTextCheck}, test sources, docs/benchmarks.md). Those values, and every value
 * outside (0, 1), are printed by {@code Float.toString} itself.
 */
public final class FloatText {

    private static final int MANTISSA_BITS = 0x007F_FFFF;
    private static final int EXPONENT_BITS = 0x7F80_0000;

    private FloatText() {
    }

    public static String of(float value) {
        int bits = Float.floatToRawIntBits(value);
        boolean sameText = value > 0f && value < 1f && (bits & MANTISSA_BITS) != 0 && (bits & EXPONENT_BITS) != 0;
        return sameText ? FloatToDecimal.toString(value) : Float.toString(value);
    }
}
