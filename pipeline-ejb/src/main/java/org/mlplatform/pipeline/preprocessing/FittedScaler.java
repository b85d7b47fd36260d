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
        int columns = center.length;
        double[] out = new double[rowMajor.length];
        for (int i = 0; i < rowMajor.length; i++) {
            int j = i % columns;
            out[i] = (rowMajor[i] - center[j]) / scale[j];
        }
        return out;
    }
}
