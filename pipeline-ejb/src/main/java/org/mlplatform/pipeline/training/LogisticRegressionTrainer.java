package org.mlplatform.pipeline.training;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Arrays;
import java.util.Objects;
import org.mlplatform.pipeline.dataset.Dataset;

/**
 * Fits L2-regularised logistic regression to its exact optimum: minimises
 * {@code C * sum_i s_i * logloss_i + 0.5 * ||W||_F^2} with unpenalised intercepts, {@code s_i} being the
 * sample weight times the class weight. Two classes give one logit (the probability of class index 1);
 * more give a multinomial (softmax) model with K penalised rows whose intercepts are centred to sum 0.
 *
 * <p>The solvers work on the objective divided by {@code C * sum_i s_i} (the weighted mean log-loss plus
 * {@code ||W||^2 / (2 C sum_i s_i)}), so {@code tol} bounds the same gradient whatever the number of rows
 * and C. Newton with the dense Hessian is used up to {@link #DEFAULT_DENSE_HESSIAN_LIMIT} parameters,
 * L-BFGS beyond.
 */
public final class LogisticRegressionTrainer implements ClassifierTrainer {

    /**
     * Most parameters ({@code K * (F + 1)}, or {@code F + 1} for binary) for which Newton builds the dense
     * Hessian. One Hessian costs {@code n * P^2 / 2} multiply-adds against {@code 2 n P} for one L-BFGS
     * gradient; Newton needs about ten iterations whatever the conditioning, L-BFGS hundreds or more at
     * {@code tol = 1e-8}, so Newton wins until P is in the hundreds; at 500 the Hessian is also 2 MB.
     */
    static final int DEFAULT_DENSE_HESSIAN_LIMIT = 500;

    private final double c;
    private final ClassWeight classWeight;
    private final double tol;
    private final int maxIter;
    private final int denseHessianLimit;

    /**
     * @param c           inverse regularisation strength, positive
     * @param classWeight how classes are weighted
     * @param tol         largest gradient component accepted at the optimum (of the normalised objective)
     * @param maxIter     most solver iterations
     */
    public LogisticRegressionTrainer(double c, ClassWeight classWeight, double tol, int maxIter) {
        this(c, classWeight, tol, maxIter, DEFAULT_DENSE_HESSIAN_LIMIT);
    }

    LogisticRegressionTrainer(double c, ClassWeight classWeight, double tol, int maxIter, int denseHessianLimit) {
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("C must be positive and finite, got " + c);
        }
        if (!(tol > 0)) {
            throw new IllegalArgumentException("tol must be positive, got " + tol);
        }
        // The same lower bound as the maxIter option (TrainingOption.MAX_ITER): no fit without an iteration
        if (maxIter < 1) {
            throw new IllegalArgumentException("maxIter must be at least 1, got " + maxIter);
        }
        this.c = c;
        this.classWeight = Objects.requireNonNull(classWeight, "classWeight");
        this.tol = tol;
        this.maxIter = maxIter;
        this.denseHessianLimit = denseHessianLimit;
    }

    /** Fits already-scaled data with every sample weighing 1 (times its class weight). */
    @Override
    public LogisticRegressionModel fit(Dataset data) {
        double[] ones = new double[data.rows()];
        Arrays.fill(ones, 1.0);
        return fit(data, ones);
    }

    /** {@code C}, {@code classWeight}, {@code tol} and {@code maxIter}, named as the command-line options. */
    @Override
    public JsonObject parameters() {
        return Json.createObjectBuilder()
                .add("C", c)
                .add("classWeight", classWeight.name())
                .add("tol", tol)
                .add("maxIter", maxIter)
                .build();
    }

    /** Fits already-scaled data; {@code sampleWeights} multiply the class weights. */
    public LogisticRegressionModel fit(Dataset data, double[] sampleWeights) {
        long start = System.nanoTime();
        int classes = data.classes().size();
        if (classes < 2) {
            throw new IllegalArgumentException("logistic regression needs at least 2 classes, got " + classes);
        }
        double[] weights = combinedWeights(data, sampleWeights);
        double weightSum = 0;
        for (double weight : weights) {
            weightSum += weight;
        }
        if (!(weightSum > 0)) {
            throw new IllegalArgumentException("the sample weights sum to " + weightSum + ", they must sum to more than 0");
        }
        double scale = c * weightSum;
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= weightSum;
        }
        int columns = data.columns();
        LossFunction loss = classes == 2
                ? new BinaryLogisticLoss(data.features(), data.rows(), columns, data.labels(), weights, 1.0 / scale)
                : new MultinomialLogisticLoss(data.features(), data.rows(), columns, classes, data.labels(), weights,
                        1.0 / scale);
        boolean dense = loss.dimension() <= denseHessianLimit;
        SolverResult result = dense
                ? new NewtonCholeskySolver().minimise(loss, tol, maxIter)
                : new LbfgsSolver().minimise(loss, tol, maxIter);

        String solver = dense ? NewtonCholeskySolver.NAME : LbfgsSolver.NAME;
        requireFinite(result, solver);

        int outputRows = classes == 2 ? 1 : classes;
        double[][] coefficients = new double[outputRows][];
        double[] intercepts = new double[outputRows];
        double[] theta = result.parameters();
        for (int k = 0; k < outputRows; k++) {
            coefficients[k] = Arrays.copyOfRange(theta, k * (columns + 1), k * (columns + 1) + columns);
            intercepts[k] = theta[k * (columns + 1) + columns];
        }
        if (outputRows > 1) {
            centre(intercepts);
        }
        FitReport report = new FitReport(solver, result.iterations(),
                result.value() * scale, result.gradientMaxNorm(), (System.nanoTime() - start) / 1e9,
                result.converged());
        return new LogisticRegressionModel(data.classes(), coefficients, intercepts, report);
    }

    /**
     * A solver stops as soon as its gradient stops being a number (a comparison with NaN is false);
     * such a point is no model.
     */
    private void requireFinite(SolverResult result, String solver) {
        String broken = !Double.isFinite(result.value()) ? "the objective is " + result.value()
                : !Double.isFinite(result.gradientMaxNorm()) ? "the gradient is " + result.gradientMaxNorm()
                : Arrays.stream(result.parameters()).allMatch(Double::isFinite) ? null
                : "a coefficient is not finite";
        if (broken != null) {
            throw new SolverBreakdownException("solver " + solver + " broke down after " + result.iterations()
                    + " iterations: " + broken + "; with C = " + c + " the feature values or C are too extreme"
                    + " for double precision (scale the features, or choose a C closer to 1)");
        }
    }

    /** {@code s_i}: sample weight times class weight; balanced weights count the rows given. */
    private double[] combinedWeights(Dataset data, double[] sampleWeights) {
        if (sampleWeights.length != data.rows()) {
            throw new IllegalArgumentException(sampleWeights.length + " sample weights for " + data.rows() + " rows");
        }
        double[] classWeights = new double[data.classes().size()];
        Arrays.fill(classWeights, 1.0);
        if (classWeight == ClassWeight.BALANCED) {
            int[] counts = data.classCounts();
            for (int k = 0; k < counts.length; k++) {
                classWeights[k] = counts[k] == 0 ? 0.0 : (double) data.rows() / (counts.length * (double) counts[k]);
            }
        }
        double[] weights = new double[data.rows()];
        for (int i = 0; i < weights.length; i++) {
            double sampleWeight = sampleWeights[i];
            if (!(sampleWeight >= 0) || Double.isInfinite(sampleWeight)) {
                throw new IllegalArgumentException("sample weight " + i + " is " + sampleWeight
                        + ", weights must be finite and not negative");
            }
            weights[i] = sampleWeight * classWeights[data.labels()[i]];
        }
        return weights;
    }

    /** Shifts the intercepts to sum 0; softmax probabilities do not change. */
    private static void centre(double[] intercepts) {
        double mean = 0;
        for (double intercept : intercepts) {
            mean += intercept;
        }
        mean /= intercepts.length;
        for (int k = 0; k < intercepts.length; k++) {
            intercepts[k] -= mean;
        }
    }
}
