package org.mlplatform.inference.predictions.control;

import ch.randelshofer.fastdoubleparser.JavaFloatParser;

/** The byte scanners' number parsing: fastdoubleparser rounds exactly as {@code Float.parseFloat} does. */
final class FiniteFloats {

    private FiniteFloats() {
    }

    /** The float32 the bytes spell, or NaN when they are no number or one outside float32's finite range. */
    static float parse(byte[] data, int offset, int length) {
        float value;
        try {
            value = JavaFloatParser.parseFloat(data, offset, length);
        } catch (NumberFormatException e) {
            return Float.NaN;
        }
        return Float.isFinite(value) ? value : Float.NaN;
    }
}
