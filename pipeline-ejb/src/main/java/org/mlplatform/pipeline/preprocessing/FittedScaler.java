package org.mlplatform.pipeline.preprocessing;

/**
 * A fitted per-feature affine transform {@code (x - center) / scale}, as scikit-learn's
 * {@code RobustScaler} ({@code center_}, {@code scale_}) and {@code StandardScaler} ({@code mean_},
 * {@code scale_}) apply it. A zero scale has already been replaced by 1.
 */
public record FittedScaler(ScalerKind kind, double[] center, double[] scale) {

    public static FittedScaler identity(int columns) {
        double[] zeros = new double[columns];
        double[] ones = new double[columns];
        java.util.Arrays.fill(ones, 1.0);
        return new FittedScaler(ScalerKind.NONE, zeros, ones);
    }

    /** Scales row-major values with {@code center.length} columns into a new array. */
    public double[] transform(double[] rowMajor) {
        return transform(rowMajor, new double[rowMajor.length]);
    }

    /** Scales row-major values in their own array, for values nothing else reads (a fold's copy of its rows). */
    public double[] transformInPlace(double[] rowMajor) {
        return transform(rowMajor, rowMajor);
    }

    private double[] transform(double[] rowMajor, double[] out) {
        int columns = center.length;
        for (int row = 0; row < rowMajor.length; row += columns) {
            for (int j = 0; j < columns; j++) {
                out[row + j] = (rowMajor[row + j] - center[j]) / scale[j];
            }
        }
        return out;
    }
}
