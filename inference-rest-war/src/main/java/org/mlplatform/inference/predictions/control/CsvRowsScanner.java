package org.mlplatform.inference.predictions.control;

import java.util.Arrays;

/**
 * The common CSV predict body read straight from its bytes: headerless rows of unquoted numbers,
 * spaces or tabs around cells, LF or CRLF line ends, blank lines; each line parsed in place by
 * {@link NumericCsvRow}, as the score-file job parses its input. Anything else (a header, quotes, a
 * BOM, another byte, a wrong row length, a non-finite value, too many rows, no rows) makes
 * {@link #scan} answer null, and the caller reads the body with the RFC 4180 record reader instead.
 */
final class CsvRowsScanner {

    private final byte[] data;
    private final int length;
    private final int columns;
    private final int maxRows;

    CsvRowsScanner(byte[] data, int length, int columns, int maxRows) {
        this.data = data;
        this.length = length;
        this.columns = columns;
        this.maxRows = maxRows;
    }

    /** The rows, or null when the body is not plain numeric CSV (the caller then reads it record by record). */
    FeatureMatrix scan() {
        float[] values = new float[Math.max(columns, 1) * 16];
        int[] failedColumn = new int[1];
        int rows = 0;
        int position = 0;
        while (position < length) {
            int end = ByteSearch.indexOf(data, position, length, (byte) '\n');
            int next = end + 1;
            if (end > position && data[end - 1] == '\r') {
                end--;
            }
            if (!isBlank(position, end)) {
                if (rows == maxRows) {
                    return null;
                }
                int needed = (rows + 1) * columns;
                if (needed > values.length) {
                    values = Arrays.copyOf(values, Math.max(values.length * 2, needed));
                }
                if (NumericCsvRow.parse(data, position, end, columns, values, rows * columns, failedColumn) != null) {
                    return null;
                }
                rows++;
            }
            position = next;
        }
        return rows > 0 ? new FeatureMatrix(values, rows, columns) : null;
    }

    /** Only spaces and tabs: the record reader skips such a line (any other byte, a lone CR included, is left to it). */
    private boolean isBlank(int start, int end) {
        for (int i = start; i < end; i++) {
            if (data[i] != ' ' && data[i] != '\t') {
                return false;
            }
        }
        return true;
    }
}
