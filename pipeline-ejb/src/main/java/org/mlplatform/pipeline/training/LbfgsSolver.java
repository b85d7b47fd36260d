package org.mlplatform.pipeline.training;

/**
 * Limited-memory BFGS (Nocedal and Wright, algorithm 7.4) for problems whose dense Hessian would cost
 * too much. Written here because Maven Central has no maintained L-BFGS for Java under a non-GPL licence.
 *
 * <p>The initial inverse Hessian is the usual {@code gamma * I} scaled by the inverse of the Hessian's
 * diagonal at the start (Jacobi preconditioning), which keeps badly scaled raw features from costing
 * thousands of iterations. Steps are found by {@link BacktrackingLineSearch}; the
 * objective is strictly convex, so every step that changes the point gives the positive curvature
 * {@code s . y > 0} that the update needs (pairs without it are skipped all the same).
 *
 * <p>Converging linearly, L-BFGS stops just under whatever gradient it aims for, and on ill-conditioned
 * problems a gradient of {@code tol} can still leave coefficients 1e-5 from the optimum (the distance is
 * about the gradient over the smallest curvature, here {@code 1 / (C * sum_i s_i)} or less). Newton's last
 * step lands orders of magnitude below {@code tol}; to reach the same point, L-BFGS keeps going after
 * {@code tol} down to {@code tol * }{@link #POLISH}, as long as its line search still finds a step and
 * {@code maxIter} allows. It reports converged once the gradient is at most {@code tol}.
 */
final class LbfgsSolver {

    static final String NAME = "lbfgs";

    private static final int MEMORY = 10;
    /** Past {@code tol}, iterations continue down to this fraction of it (see the class comment). */
    static final double POLISH = 1e-3;

    SolverResult minimise(LossFunction loss, double tol, int maxIter) {
        int dimension = loss.dimension();
        BacktrackingLineSearch search = new BacktrackingLineSearch(loss);
        double[] direction = new double[dimension];
        double[] inverseDiagonal = new double[dimension];
        loss.hessianDiagonal(inverseDiagonal);
        for (int j = 0; j < dimension; j++) {
            inverseDiagonal[j] = inverseDiagonal[j] > 0 ? 1.0 / inverseDiagonal[j] : 1.0;
        }
        History history = new History(dimension);

        double target = tol * POLISH;
        int iterations = 0;
        while (search.gradientMaxNorm() > target && iterations < maxIter) {
            history.searchDirection(search.gradient(), inverseDiagonal, direction);
            double slope = DenseKernels.dot(search.gradient(), direction);
            if (!(slope < 0)) {
                history.clear();
                history.searchDirection(search.gradient(), inverseDiagonal, direction);
                slope = DenseKernels.dot(search.gradient(), direction);
            }
            if (!search.advance(direction, slope)) {
                // past tol a failed line search means rounding has the last word: the point is as good as it gets
                if (history.isEmpty() || search.gradientMaxNorm() <= tol) {
                    break;
                }
                history.clear();
                continue;
            }
            history.add(search.previousPoint(), search.point(), search.previousGradient(), search.gradient());
            iterations++;
        }
        return search.result(iterations, tol);
    }

    /** The last {@link #MEMORY} pairs {@code s = x' - x}, {@code y = g' - g}, in a ring. */
    private static final class History {
        private final double[][] steps = new double[MEMORY][];
        private final double[][] gradientChanges = new double[MEMORY][];
        private final double[] rho = new double[MEMORY];
        private final double[] coefficients = new double[MEMORY];
        private int size;
        private int newest = -1;

        History(int dimension) {
            for (int m = 0; m < MEMORY; m++) {
                steps[m] = new double[dimension];
                gradientChanges[m] = new double[dimension];
            }
        }

        boolean isEmpty() {
            return size == 0;
        }

        void clear() {
            size = 0;
            newest = -1;
        }

        void add(double[] from, double[] to, double[] gradientFrom, double[] gradientTo) {
            int slot = (newest + 1) % MEMORY;
            double[] s = steps[slot];
            double[] y = gradientChanges[slot];
            for (int j = 0; j < s.length; j++) {
                s[j] = to[j] - from[j];
                y[j] = gradientTo[j] - gradientFrom[j];
            }
            double curvature = DenseKernels.dot(s, y);
            if (curvature > 0) {
                rho[slot] = 1.0 / curvature;
                newest = slot;
                size = Math.min(size + 1, MEMORY);
            }
        }

        /** {@code direction = -H g}, H the L-BFGS inverse Hessian (two-loop recursion). */
        void searchDirection(double[] gradient, double[] inverseDiagonal, double[] direction) {
            int n = gradient.length;
            for (int j = 0; j < n; j++) {
                direction[j] = -gradient[j];
            }
            for (int age = 0; age < size; age++) {
                int slot = Math.floorMod(newest - age, MEMORY);
                coefficients[slot] = rho[slot] * DenseKernels.dot(steps[slot], direction);
                DenseKernels.axpy(-coefficients[slot], gradientChanges[slot], 0, direction, 0, n);
            }
            double gamma = 1.0;
            if (size > 0) {
                double[] y = gradientChanges[newest];
                double scaledNorm = 0;
                for (int j = 0; j < n; j++) {
                    scaledNorm += y[j] * inverseDiagonal[j] * y[j];
                }
                gamma = 1.0 / (rho[newest] * scaledNorm);
            }
            for (int j = 0; j < n; j++) {
                direction[j] *= gamma * inverseDiagonal[j];
            }
            for (int age = size - 1; age >= 0; age--) {
                int slot = Math.floorMod(newest - age, MEMORY);
                double beta = rho[slot] * DenseKernels.dot(gradientChanges[slot], direction);
                DenseKernels.axpy(coefficients[slot] - beta, steps[slot], 0, direction, 0, n);
            }
        }
    }
}
