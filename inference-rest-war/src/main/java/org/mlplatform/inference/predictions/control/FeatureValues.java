package org.mlplatform.inference.predictions.control;

import java.util.Arrays;

/**
 * Collects float32 rows of a known width, growing as rows arrive, and checks every value the way
 * all request formats share: finite, within float32 range, the right count per row, the row limit.
 */
class FeatureValues {

    private final int columns;
    private final RequestLimits limits;
    private float[] values;
    private int rows;
    private int column;

    FeatureValues(int columns, RequestLimits limits) {
        this.columns = columns;
        this.limits = limits;
        this.values = new float[columns * 16];
    }

    void startRow() {
        if (rows == limits.maxRows()) {
            throw limits.tooManyRows();
        }
        column = 0;
    }

    /** @throws NumberFormatException when {@code text} is not a number (the caller has ruled out NaN and hex forms) */
    void add(String text) {
        if (column == columns) {
            throw InvalidInputException.at("Wrong feature count",
                    "row " + (rows + 1) + " has more than the model's " + columns + " features", rows + 1, column + 1);
        }
        float value = Float.parseFloat(text);
        if (!Float.isFinite(value)) {
            throw InvalidInputException.at("Value out of range",
                    "row " + (rows + 1) + ", column " + (column + 1) + ": " + shown(text) + " does not fit a float32", rows + 1, column + 1);
        }
        int index = rows * columns + column;
        if (index == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[index] = value;
        column++;
    }

    void endRow() {
        if (column != columns) {
            throw InvalidInputException.at("Wrong feature count",
                    "row " + (rows + 1) + " has " + column + " features, the model takes " + columns, rows + 1, null);
        }
        rows++;
    }

    /** A cell as error messages quote it: a 5 MB cell is not echoed back whole. */
    static String shown(String cell) {
        return cell.length() <= 40 ? cell : cell.substring(0, 37) + "...";
    }

    int rows() {
        return rows;
    }

    int column() {
        return column;
    }

    FeatureMatrix toMatrix() {
        if (rows == 0) {
            throw InvalidInputException.badRequest("Empty batch", "the request holds no rows");
        }
        return new FeatureMatrix(values, rows, columns);
    }
}
