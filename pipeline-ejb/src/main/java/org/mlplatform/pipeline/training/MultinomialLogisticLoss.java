package org.mlplatform.pipeline.training;

import java.util.Arrays;

/**
 * {@code sum_i v_i * (logsumexp_k z_ik - z_{i,y_i}) + 0.5 * alpha * ||W||_F^2} with
 * {@code z_ik = w_k . x_i + b_k} over K classes, where {@code v_i} are the normalised sample weights.
 * Parameters are K blocks {@code [w_k, b_k]} of {@code F + 1}.
 *
 * <p>Shifting every intercept by the same amount changes nothing, so the Hessian is singular along
 * {@code u} = (0 for coefficients, 1 for intercepts). The gradient is always orthogonal to {@code u}, so
 * {@link #hessian} adds {@code t * u u^T}: the Newton step is then the minimum-norm one (orthogonal to
 * {@code u}) and the matrix is positive definite.
 */
final class MultinomialLogisticLoss implements LossFunction {

    private final double[] features;
    private final int rows;
    private final int columns;
    private final int classes;
    private final int[] labels;
    private final double[] weights;
    private final double alpha;
    /** Class probabilities at the last evaluated point, {@code rows x classes} row-major. */
    private final double[] probabilities;

    MultinomialLogisticLoss(double[] features, int rows, int columns, int classes, int[] labels,
                            double[] weights, double alpha) {
        this.features = features;
        this.rows = rows;
        this.columns = columns;
        this.classes = classes;
        this.labels = labels;
        this.weights = weights;
        this.alpha = alpha;
        this.probabilities = new double[rows * classes];
    }

    @Override
    public int dimension() {
        return classes * (columns + 1);
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        Arrays.fill(gradient, 0.0);
        int block = columns + 1;
        double[] scores = new double[classes];
        double loss = 0.0;
        for (int i = 0; i < rows; i++) {
            int offset = i * columns;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                scores[k] = theta[k * block + columns] + DenseKernels.dot(features, offset, theta, k * block, columns);
                max = Math.max(max, scores[k]);
            }
            double labelScore = scores[labels[i]];
            double sum = 0.0;
            for (int k = 0; k < classes; k++) {
                scores[k] = Math.exp(scores[k] - max);
                sum += scores[k];
            }
            double v = weights[i];
            loss += v * (max + Math.log(sum) - labelScore);
            for (int k = 0; k < classes; k++) {
                double p = scores[k] / sum;
                probabilities[i * classes + k] = p;
                double residual = v * (k == labels[i] ? p - 1.0 : p);
                DenseKernels.axpy(residual, features, offset, gradient, k * block, columns);
                gradient[k * block + columns] += residual;
            }
        }
        double penalty = 0.0;
        for (int k = 0; k < classes; k++) {
            for (int j = 0; j < columns; j++) {
                double w = theta[k * block + j];
                penalty += w * w;
                gradient[k * block + j] += alpha * w;
            }
        }
        return loss + 0.5 * alpha * penalty;
    }

    @Override
    public void hessian(double[][] hessian) {
        for (double[] row : hessian) {
            Arrays.fill(row, 0.0);
        }
        int block = columns + 1;
        double[] pairWeights = new double[rows];
        for (int k = 0; k < classes; k++) {
            for (int l = k; l < classes; l++) {
                for (int i = 0; i < rows; i++) {
                    double pk = probabilities[i * classes + k];
                    double pl = probabilities[i * classes + l];
                    pairWeights[i] = weights[i] * ((k == l ? pk : 0.0) - pk * pl);
                }
                DenseKernels.accumulateWeightedGram(features, rows, columns, pairWeights, hessian, k * block, l * block);
                if (k != l) {
                    for (int j = 0; j < block; j++) {
                        for (int m = j + 1; m < block; m++) {
                            hessian[k * block + m][l * block + j] = hessian[k * block + j][l * block + m];
                        }
                    }
                }
            }
        }
        double gauge = 0.0;
        for (int k = 0; k < classes; k++) {
            for (int j = 0; j < columns; j++) {
                hessian[k * block + j][k * block + j] += alpha;
            }
            gauge = Math.max(gauge, hessian[k * block + columns][k * block + columns]);
        }
        for (int k = 0; k < classes; k++) {
            for (int l = k; l < classes; l++) {
                hessian[k * block + columns][l * block + columns] += gauge;
            }
        }
        DenseKernels.mirrorUpperToLower(hessian);
    }

    @Override
    public void hessianDiagonal(double[] diagonal) {
        Arrays.fill(diagonal, 0.0);
        int block = columns + 1;
        for (int i = 0; i < rows; i++) {
            int offset = i * columns;
            for (int k = 0; k < classes; k++) {
                double p = probabilities[i * classes + k];
                double c = weights[i] * p * (1.0 - p);
                for (int j = 0; j < columns; j++) {
                    double x = features[offset + j];
                    diagonal[k * block + j] += c * x * x;
                }
                diagonal[k * block + columns] += c;
            }
        }
        for (int k = 0; k < classes; k++) {
            for (int j = 0; j < columns; j++) {
                diagonal[k * block + j] += alpha;
            }
        }
    }
}
