package org.mlplatform.inference.predictions.control;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import ch.randelshofer.fastdoubleparser.JavaFloatParser;

/**
 * One line of unquoted numeric CSV read straight from its bytes into float32, for both byte readers:
 * the predict body's ({@link CsvRowsScanner}) and the score-file job's ({@code CsvRowReader}), so a row
 * is read the same way wherever it is sent. Spaces or tabs around cells are skipped; a cell holds only
 * the characters of a decimal number (digits, {@code . + - e E}, as the record reader demands) and is
 * parsed in place with fastdoubleparser's {@code JavaFloatParser}, which rounds exactly as
 * {@code Float.parseFloat} does on the same text; an empty cell, another character, a non-finite
 * value or a wrong number of cells is refused. Nothing is allocated for a row that parses.
 */
public final class NumericCsvRow {

    private NumericCsvRow() {
    }

    /**
     * Parses {@code data[start, end)} (a line without its line end) into {@code target[at, at + columns)}.
     *
     * @param failedColumn gets, when the row is refused, the 1-based column at fault, or 0 for the row
     * @return null when the row was read, or why it cannot be (for a user: names the cell)
     */
    public static String parse(byte[] data, int start, int end, int columns, float[] target, int at, int[] failedColumn) {
        if (parsePlain(data, start, end, columns, target, at)) {
            return null;
        }
        int column = 0;
        int cellStart = start;
        for (int i = start; i <= end; i++) {
            if (i < end && data[i] != ',') {
                continue;
            }
            if (column == columns) {
                failedColumn[0] = 0;
                return "the row has " + countCells(data, start, end) + " values, the model takes " + columns;
            }
            int s = cellStart;
            int e = i;
            while (s < e && (data[s] == ' ' || data[s] == '\t')) {
                s++;
            }
            while (e > s && (data[e - 1] == ' ' || data[e - 1] == '\t')) {
                e--;
            }
            String problem = parseCell(data, s, e, target, at + column);
            if (problem != null) {
                failedColumn[0] = column + 1;
                return problem;
            }
            column++;
            cellStart = i + 1;
        }
        if (column != columns) {
            failedColumn[0] = 0;
            return "the row has " + column + " values, the model takes " + columns;
        }
        return null;
    }

    /**
     * The common row, read fast: exactly {@code columns} cells, each a decimal number without spaces
     * that parses to a finite float. Anything else returns false, and the checking loop of
     * {@link #parse} reads the row again and says what is wrong; for a row read here the values are
     * those it would read (the same parser on the same cells, trimming having nothing to trim, and
     * {@link #isDecimal} letting through only cells whose characters the checking loop accepts).
     */
    private static boolean parsePlain(byte[] data, int start, int end, int columns, float[] target, int at) {
        int cellStart = start;
        for (int column = 0; column < columns; column++) {
            int cellEnd = ByteSearch.indexOf(data, cellStart, end, (byte) ',');
            if (!isDecimal(data, cellStart, cellEnd)) {
                return false;
            }
            float value = FiniteFloats.parse(data, cellStart, cellEnd - cellStart);
            if (Float.isNaN(value)) {
                return false;
            }
            target[at + column] = value;
            if (cellEnd == end) {
                return column == columns - 1;
            }
            cellStart = cellEnd + 1;
        }
        return false;
    }

    /**
     * Whether a cell, if the float parser reads it, holds only number characters. The parser reads
     * Java's float syntax; a cell of it that starts with a digit, sign or point, ends with a digit or
     * point and is not {@code 0x...} has no whitespace, type suffix ({@code f}, {@code d}),
     * {@code NaN}, {@code Infinity} or hexadecimal digits: only digits, points, signs and {@code e}.
     */
    private static boolean isDecimal(byte[] data, int start, int end) {
        if (start == end) {
            return false;
        }
        byte first = data[start];
        byte last = data[end - 1];
        boolean sign = first == '+' || first == '-';
        if (!(isDigit(first) || sign || first == '.') || !(isDigit(last) || last == '.')) {
            return false;
        }
        int zero = sign ? start + 1 : start;
        return zero + 1 >= end || data[zero] != '0' || (data[zero + 1] | 0x20) != 'x';
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static String parseCell(byte[] data, int start, int end, float[] target, int index) {
        if (start == end) {
            return "empty cell, expected a number";
        }
        for (int i = start; i < end; i++) {
            byte c = data[i];
            if ((c < '0' || c > '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return notANumber(data, start, end);
            }
        }
        float value;
        try {
            value = JavaFloatParser.parseFloat(data, start, end - start);
        } catch (NumberFormatException e) {
            return notANumber(data, start, end);
        }
        if (!Float.isFinite(value)) {
            return cell(data, start, end) + " does not fit a float32";
        }
        target[index] = value;
        return null;
    }

    private static String notANumber(byte[] data, int start, int end) {
        String cell = cell(data, start, end);
        String lower = cell.toLowerCase(Locale.ROOT).replaceFirst("^[+-]", "");
        if (lower.equals("nan") || lower.equals("inf") || lower.equals("infinity")) {
            return cell + " is not a finite number";
        }
        return "'" + cell + "' is not a number";
    }

    private static String cell(byte[] data, int start, int end) {
        return new String(data, start, end - start, StandardCharsets.UTF_8);
    }

    private static int countCells(byte[] data, int start, int end) {
        int cells = 1;
        for (int i = start; i < end; i++) {
            if (data[i] == ',') {
                cells++;
            }
        }
        return cells;
    }
}
