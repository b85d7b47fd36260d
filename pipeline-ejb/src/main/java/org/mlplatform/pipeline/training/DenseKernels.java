package org.mlplatform.pipeline.training;

/**
 * The loops the solvers spend their time in, written so that HotSpot's C2 vectorises them and so that
 * every sum runs in a fixed order (the same input gives the same bits).
 */
final class DenseKernels {

    /** Rows folded into the Gram matrix per sweep over its upper triangle. */
    private static final int GRAM_ROW_BLOCK = 4;

    private DenseKernels() {
    }

    /** {@code sum_j x[xOffset + j] * w[wOffset + j]} for {@code j < length}, in four interleaved partial sums. */
    static double dot(double[] x, int xOffset, double[] w, int wOffset, int length) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < length; j += 4) {
            s0 += x[xOffset + j] * w[wOffset + j];
            s1 += x[xOffset + j + 1] * w[wOffset + j + 1];
            s2 += x[xOffset + j + 2] * w[wOffset + j + 2];
            s3 += x[xOffset + j + 3] * w[wOffset + j + 3];
        }
        for (; j < length; j++) {
            s0 += x[xOffset + j] * w[wOffset + j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code y[yOffset + j] += a * x[xOffset + j]} for {@code j < length}. */
    static void axpy(double a, double[] x, int xOffset, double[] y, int yOffset, int length) {
        for (int j = 0; j < length; j++) {
            y[yOffset + j] += a * x[xOffset + j];
        }
    }

    /**
     * Adds {@code sum_i weights[i] * a_i a_i^T}, {@code a_i} being row {@code i} of {@code x} followed by a
     * 1 (the intercept column), to the upper triangle of the {@code (columns + 1)}-square block of
     * {@code target} whose top-left corner is at {@code (rowOffset, colOffset)}. Four rows are folded in
     * per sweep over the triangle so that each target element is loaded and stored a quarter as often.
     */
    static void accumulateWeightedGram(double[] x, int rows, int columns, double[] weights,
                                       double[][] target, int rowOffset, int colOffset) {
        double[] scaled = new double[GRAM_ROW_BLOCK * columns];
        double interceptSum = 0;
        int i = 0;
        for (; i + GRAM_ROW_BLOCK - 1 < rows; i += GRAM_ROW_BLOCK) {
            int o0 = i * columns;
            int o1 = o0 + columns;
            int o2 = o1 + columns;
            int o3 = o2 + columns;
            double c0 = weights[i];
            double c1 = weights[i + 1];
            double c2 = weights[i + 2];
            double c3 = weights[i + 3];
            for (int j = 0; j < columns; j++) {
                scaled[j] = c0 * x[o0 + j];
                scaled[columns + j] = c1 * x[o1 + j];
                scaled[2 * columns + j] = c2 * x[o2 + j];
                scaled[3 * columns + j] = c3 * x[o3 + j];
            }
            for (int j = 0; j < columns; j++) {
                double v0 = scaled[j];
                double v1 = scaled[columns + j];
                double v2 = scaled[2 * columns + j];
                double v3 = scaled[3 * columns + j];
                double[] row = target[rowOffset + j];
                for (int m = j; m < columns; m++) {
                    row[colOffset + m] += v0 * x[o0 + m] + v1 * x[o1 + m] + v2 * x[o2 + m] + v3 * x[o3 + m];
                }
                row[colOffset + columns] += (v0 + v1) + (v2 + v3);
            }
            interceptSum += (c0 + c1) + (c2 + c3);
        }
        for (; i < rows; i++) {
            int offset = i * columns;
            double c = weights[i];
            for (int j = 0; j < columns; j++) {
                double v = c * x[offset + j];
                double[] row = target[rowOffset + j];
                for (int m = j; m < columns; m++) {
                    row[colOffset + m] += v * x[offset + m];
                }
                row[colOffset + columns] += v;
            }
            interceptSum += c;
        }
        target[rowOffset + columns][colOffset + columns] += interceptSum;
    }

    /** Copies the upper triangle of a square matrix onto its lower triangle. */
    static void mirrorUpperToLower(double[][] matrix) {
        for (int j = 0; j < matrix.length; j++) {
            for (int m = j + 1; m < matrix.length; m++) {
                matrix[m][j] = matrix[j][m];
            }
        }
    }

    static double maxAbs(double[] v) {
        double max = 0;
        for (double value : v) {
            max = Math.max(max, Math.abs(value));
        }
        return max;
    }

    static double dot(double[] a, double[] b) {
        return dot(a, 0, b, 0, a.length);
    }
}
