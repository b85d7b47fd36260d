package org.mlplatform.inference.predictions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class FloatTextTest {

    /** The floats in [0, 1] where JDK 17's Float.toString and Schubfach differ (FloatTextCheck's full list). */
    private static final int[] DIFFERING_BITS = {16, 71, 128, 512, 8192, 65536, 8388608, 260046848, 268435456, 276824064,
        285212672, 293601280, 301989888, 310378496, 360710144, 369098752, 746586112, 754974720, 838860800};

    @Test
    void printsWhatFloatToStringPrintsWhereTheFastFormatterWouldNot() {
        for (int bits : DIFFERING_BITS) {
            float value = Float.intBitsToFloat(bits);
            assertEquals(Float.toString(value), FloatText.of(value), "bits " + bits);
        }
    }

    @Test
    void printsWhatFloatToStringPrintsForRandomProbabilities() {
        SplittableRandom random = new SplittableRandom(2026);
        for (int i = 0; i < 2_000_000; i++) {
            float value = Float.intBitsToFloat(random.nextInt(0, Float.floatToRawIntBits(1f) + 1));
            assertEquals(Float.toString(value), FloatText.of(value), "bits " + Float.floatToRawIntBits(value));
        }
    }

    @Test
    void printsWhatFloatToStringPrintsOutsideTheUnitInterval() {
        float[] values = {0f, -0f, 1f, -1f, 1.5f, -0.25f, 123456.79f, 1e10f, -3.4028235e38f, Float.MIN_VALUE, -Float.MIN_VALUE,
            Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Math.nextUp(1f), Math.nextDown(0f)};
        for (float value : values) {
            assertEquals(Float.toString(value), FloatText.of(value));
        }
    }
}
