package org.mlplatform.inference.predictions.control;

import java.util.Arrays;

/**
 * The common predict body, {@code {"instances": [[number, ...], ...]}} with JSON white space, read
 * straight from its bytes. Each number is checked against JSON's grammar and parsed in place with
 * fastdoubleparser's {@code JavaFloatParser}, which rounds exactly as {@code Float.parseFloat} does
 * on the same text (the JSON-P path parses the token's text with it). Anything else (another
 * member, an escape, a wrong row length, a non-finite value, too many rows, an empty batch, other
 * encodings than ASCII/UTF-8) makes {@link #scan} answer null, and the caller reads the body with
 * JSON-P instead, which accepts or refuses it with its usual message.
 */
final class InstancesScanner {

    private static final byte[] INSTANCES = {'"', 'i', 'n', 's', 't', 'a', 'n', 'c', 'e', 's', '"'};

    private final byte[] data;
    private final int length;
    private final int columns;
    private final int maxRows;
    private int position;

    InstancesScanner(byte[] data, int length, int columns, int maxRows) {
        this.data = data;
        this.length = length;
        this.columns = columns;
        this.maxRows = maxRows;
    }

    /** The rows, or null when the body is not in the common form (the caller then parses it with JSON-P). */
    FeatureMatrix scan() {
        skipWhiteSpace();
        if (!take('{')) {
            return null;
        }
        skipWhiteSpace();
        if (!takeAll(INSTANCES)) {
            return null;
        }
        skipWhiteSpace();
        if (!take(':')) {
            return null;
        }
        skipWhiteSpace();
        if (!take('[')) {
            return null;
        }
        float[] values = new float[Math.max(columns, 1) * 16];
        int rows = 0;
        skipWhiteSpace();
        if (take(']')) {
            return null;
        }
        while (true) {
            if (rows == maxRows) {
                return null;
            }
            int needed = (rows + 1) * columns;
            if (needed > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, needed));
            }
            if (!row(values, rows * columns)) {
                return null;
            }
            rows++;
            skipWhiteSpace();
            if (take(']')) {
                break;
            }
            if (!take(',')) {
                return null;
            }
            skipWhiteSpace();
        }
        skipWhiteSpace();
        if (!take('}')) {
            return null;
        }
        skipWhiteSpace();
        return position == length && rows > 0 ? new FeatureMatrix(values, rows, columns) : null;
    }

    private boolean row(float[] values, int at) {
        if (!take('[')) {
            return false;
        }
        for (int column = 0; column < columns; column++) {
            skipWhiteSpace();
            if (column > 0) {
                if (!take(',')) {
                    return false;
                }
                skipWhiteSpace();
            }
            int start = position;
            if (!skipNumber()) {
                return false;
            }
            float value = FiniteFloats.parse(data, start, position - start);
            if (Float.isNaN(value)) {
                return false;
            }
            values[at + column] = value;
        }
        skipWhiteSpace();
        return take(']');
    }

    /** JSON's number: {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}. */
    private boolean skipNumber() {
        if (position < length && data[position] == '-') {
            position++;
        }
        if (position < length && data[position] == '0') {
            position++;
        } else if (skipDigits() == 0) {
            return false;
        }
        if (position < length && data[position] == '.') {
            position++;
            if (skipDigits() == 0) {
                return false;
            }
        }
        if (position < length && (data[position] == 'e' || data[position] == 'E')) {
            position++;
            if (position < length && (data[position] == '+' || data[position] == '-')) {
                position++;
            }
            if (skipDigits() == 0) {
                return false;
            }
        }
        // a number runs into whatever follows it only in malformed JSON ("01", "1x"): JSON-P says so
        return position == length || !isNumberPart(data[position]);
    }

    private int skipDigits() {
        int start = position;
        while (position < length && data[position] >= '0' && data[position] <= '9') {
            position++;
        }
        return position - start;
    }

    private static boolean isNumberPart(byte b) {
        return (b >= '0' && b <= '9') || b == '.' || b == 'e' || b == 'E' || b == '+' || b == '-'
                || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    }

    private void skipWhiteSpace() {
        while (position < length) {
            byte b = data[position];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return;
            }
            position++;
        }
    }

    private boolean take(char expected) {
        if (position < length && data[position] == expected) {
            position++;
            return true;
        }
        return false;
    }

    private boolean takeAll(byte[] expected) {
        if (length - position < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (data[position + i] != expected[i]) {
                return false;
            }
        }
        position += expected.length;
        return true;
    }
}
