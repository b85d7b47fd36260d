package org.mlplatform.pipeline.training;

import java.util.Arrays;

/**
 * {@code sum_i v_i * logloss_i + 0.5 * alpha * ||w||^2} for one logit {@code z_i = w . x_i + b}, where
 * {@code v_i} are the normalised sample weights. Parameters are {@code [w_0 .. w_{F-1}, b]}.
 */
final class BinaryLogisticLoss implements LossFunction {

    private final double[] features;
    private final int rows;
    private final int columns;
    private final int[] labels;
    private final double[] weights;
    private final double alpha;
    /** {@code v_i * p_i * (1 - p_i)} at the last evaluated point: the Hessian's row weights. */
    private final double[] curvature;

    BinaryLogisticLoss(double[] features, int rows, int columns, int[] labels, double[] weights, double alpha) {
        this.features = features;
        this.rows = rows;
        this.columns = columns;
        this.weights = weights;
        this.alpha = alpha;
        this.labels = labels;
        this.curvature = new double[rows];
    }

    @Override
    public int dimension() {
        return columns + 1;
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        Arrays.fill(gradient, 0.0);
        double intercept = theta[columns];
        double loss = 0.0;
        double interceptGradient = 0.0;
        for (int i = 0; i < rows; i++) {
            int offset = i * columns;
            double z = intercept + DenseKernels.dot(features, offset, theta, 0, columns);
            double e = Math.exp(-Math.abs(z));
            double y = labels[i];
            double v = weights[i];
            // log(1 + exp(z)) - y z, without overflow for large |z|
            loss += v * (Math.max(z, 0.0) + log1p(e) - y * z);
            double p = z >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
            double residual = v * (p - y);
            curvature[i] = v * p * (1.0 - p);
            DenseKernels.axpy(residual, features, offset, gradient, 0, columns);
            interceptGradient += residual;
        }
        gradient[columns] = interceptGradient;
        double penalty = 0.0;
        for (int j = 0; j < columns; j++) {
            penalty += theta[j] * theta[j];
            gradient[j] += alpha * theta[j];
        }
        return loss + 0.5 * alpha * penalty;
    }

    /**
     * {@code log(1 + e)} for {@code 0 < e <= 1}. {@link Math#log1p} is not intrinsified and took a third of
     * a gradient pass; {@code Math.log(1 + e)} is, and for {@code e >= 2^-10} its rounding error (at most
     * {@code 2^-53} absolute) is below {@code 2^-43} relative, so it is used there.
     */
    private static double log1p(double e) {
        return e >= 0x1p-10 ? Math.log(1.0 + e) : Math.log1p(e);
    }

    @Override
    public void hessian(double[][] hessian) {
        for (double[] row : hessian) {
            Arrays.fill(row, 0.0);
        }
        DenseKernels.accumulateWeightedGram(features, rows, columns, curvature, hessian, 0, 0);
        for (int j = 0; j < columns; j++) {
            hessian[j][j] += alpha;
        }
        DenseKernels.mirrorUpperToLower(hessian);
    }

    @Override
    public void hessianDiagonal(double[] diagonal) {
        Arrays.fill(diagonal, 0.0);
        for (int i = 0; i < rows; i++) {
            int offset = i * columns;
            double c = curvature[i];
            for (int j = 0; j < columns; j++) {
                double x = features[offset + j];
                diagonal[j] += c * x * x;
            }
            diagonal[columns] += c;
        }
        for (int j = 0; j < columns; j++) {
            diagonal[j] += alpha;
        }
    }
}
