package org.mlplatform.pipeline.dataset;

/**
 * Reads a CSV cell as a finite double. Accepts plain decimal notation only ({@code -1.5}, {@code .5},
 * {@code 2e-3}); rejects what {@link Double#parseDouble} would also take but a CSV should not hold:
 * {@code NaN}, {@code Infinity}, hexadecimal and {@code d}/{@code f} suffixes.
 */
final class NumberCell {

    private NumberCell() {
    }

    /** Whether a trimmed cell reads as a number, finite or not; a header row has a cell that doesn't. */
    static boolean looksNumeric(String cell) {
        return isDecimal(cell, 0, cell.length()) || isNonFiniteWord(cell);
    }

    /**
     * The value of {@code line.substring(start, end)}, surrounding blanks ignored.
     *
     * @throws InvalidDataException naming the file, line and (1-based) column when it is not a finite number
     */
    static double parse(String line, int start, int end, String fileName, int lineNumber, int column) {
        while (start < end && isBlank(line.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(line.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            throw invalid(fileName, lineNumber, column, "empty cell, expected a number");
        }
        String text = line.substring(start, end);
        if (isDecimal(line, start, end)) {
            double value = Double.parseDouble(text);
            if (!Double.isInfinite(value)) {
                return value;
            }
        } else if (!isNonFiniteWord(text)) {
            String hint = text.indexOf(';') >= 0 || text.indexOf('\t') >= 0 ? " (cells are separated by commas)" : "";
            throw invalid(fileName, lineNumber, column, "\"" + text + "\" is not a number" + hint);
        }
        throw invalid(fileName, lineNumber, column, "\"" + text + "\" is not a finite number");
    }

    private static InvalidDataException invalid(String fileName, int lineNumber, int column, String problem) {
        return new InvalidDataException(fileName + " line " + lineNumber + ", column " + column + ": " + problem);
    }

    /** {@code [+-]? digits? (. digits?)? ([eE] [+-]? digits)?} with at least one mantissa digit. */
    private static boolean isDecimal(CharSequence s, int start, int end) {
        int i = start;
        if (i < end && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        for (; i < end && isDigit(s.charAt(i)); i++) {
            digits++;
        }
        if (i < end && s.charAt(i) == '.') {
            for (i++; i < end && isDigit(s.charAt(i)); i++) {
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < end && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < end && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            for (; i < end && isDigit(s.charAt(i)); i++) {
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == end;
    }

    private static boolean isNonFiniteWord(String text) {
        String unsigned = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
        return unsigned.equalsIgnoreCase("nan") || unsigned.equalsIgnoreCase("inf")
                || unsigned.equalsIgnoreCase("infinity");
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
