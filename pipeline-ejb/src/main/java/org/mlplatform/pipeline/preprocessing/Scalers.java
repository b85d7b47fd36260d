package org.mlplatform.pipeline.preprocessing;

import java.util.Arrays;
import org.mlplatform.pipeline.dataset.Dataset;

/**
 * Fits the feature scalers on training rows, computing what scikit-learn 1.2's
 * {@code StandardScaler} and {@code RobustScaler} compute, in the same order of operations.
 */
public final class Scalers {

    private static final double EPSILON = Math.ulp(1.0);

    private Scalers() {
    }

    public static FittedScaler fit(ScalerKind kind, Dataset data) {
        return switch (kind) {
            case NONE -> FittedScaler.identity(data.columns());
            case STANDARD -> standard(data);
            case ROBUST -> robust(data);
        };
    }

    /** Mean and population standard deviation; a feature that is constant (up to rounding) gets scale 1. */
    private static FittedScaler standard(Dataset data) {
        int rows = data.rows();
        int columns = data.columns();
        double[] x = data.features();
        double[] mean = new double[columns];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                mean[j] += x[i * columns + j];
            }
        }
        for (int j = 0; j < columns; j++) {
            mean[j] /= rows;
        }
        // Two-pass variance with the correction term of scikit-learn's _incremental_mean_and_var
        double[] squares = new double[columns];
        double[] correction = new double[columns];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                double deviation = x[i * columns + j] - mean[j];
                correction[j] += deviation;
                squares[j] += deviation * deviation;
            }
        }
        double[] scale = new double[columns];
        for (int j = 0; j < columns; j++) {
            double variance = (squares[j] - correction[j] * correction[j] / rows) / rows;
            // scikit-learn's _is_constant_feature: the variance is within its rounding error bound
            double roundingBound = rows * EPSILON * variance + Math.pow(rows * mean[j] * EPSILON, 2);
            scale[j] = variance <= roundingBound ? 1.0 : Math.sqrt(variance);
        }
        return new FittedScaler(ScalerKind.STANDARD, mean, scale);
    }

    /** Median and inter-quartile range by numpy's default (linear) percentiles; an IQR below 10 ulp(1) gets scale 1. */
    private static FittedScaler robust(Dataset data) {
        int rows = data.rows();
        int columns = data.columns();
        double[] x = data.features();
        double[] median = new double[columns];
        double[] scale = new double[columns];
        double[] column = new double[rows];
        for (int j = 0; j < columns; j++) {
            for (int i = 0; i < rows; i++) {
                column[i] = x[i * columns + j];
            }
            Arrays.sort(column);
            int middle = rows / 2;
            median[j] = rows % 2 == 1 ? column[middle] : (column[middle - 1] + column[middle]) / 2.0;
            double iqr = percentile(column, 0.75) - percentile(column, 0.25);
            scale[j] = iqr < 10 * EPSILON ? 1.0 : iqr;
        }
        return new FittedScaler(ScalerKind.ROBUST, median, scale);
    }

    /** numpy.percentile's 'linear' method on sorted values, including its two-sided interpolation. */
    static double percentile(double[] sorted, double quantile) {
        double position = (sorted.length - 1) * quantile;
        if (position >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        int below = (int) Math.floor(position);
        double fraction = position - below;
        double a = sorted[below];
        double b = sorted[below + 1];
        double difference = b - a;
        return fraction >= 0.5 ? b - difference * (1 - fraction) : a + difference * fraction;
    }
}
