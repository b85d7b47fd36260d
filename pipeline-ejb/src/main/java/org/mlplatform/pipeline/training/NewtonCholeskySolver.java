package org.mlplatform.pipeline.training;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;

/**
 * Newton's method with the exact Hessian, solved by Cholesky (commons-math3; at a few hundred parameters
 * the factorisation costs far less than building the Hessian), stepping by {@link BacktrackingLineSearch}.
 * From zero it reaches the optimum in a handful of iterations whatever the conditioning.
 *
 * <p>Building the Hessian costs as much as five gradient evaluations, so a factorisation is kept for the
 * next step as long as the step it gave cut the gradient by at least {@link #REUSE_RATIO} (the simplified
 * Newton method: linear convergence at a rate that shrinks as the point nears the optimum), except for the
 * step expected to reach {@code tol}. The gradient is always exact, so the point reached is the same
 * optimum; only the path to it is cheaper.
 */
final class NewtonCholeskySolver {

    static final String NAME = "newton-cholesky";

    /** Pivots below this fraction of the largest diagonal entry count as zero. */
    private static final double PIVOT_FLOOR = 1e-13;
    /** First diagonal shift, relative to the largest diagonal entry, when the Hessian is numerically singular. */
    private static final double FIRST_SHIFT = 1e-10;

    /** A factorisation is reused while each step made with it shrinks the gradient max-norm at least this much. */
    private static final double REUSE_RATIO = 0.25;

    SolverResult minimise(LossFunction loss, double tol, int maxIter) {
        int dimension = loss.dimension();
        BacktrackingLineSearch search = new BacktrackingLineSearch(loss);
        double[][] hessian = new double[dimension][dimension];
        int iterations = 0;
        DecompositionSolver factorisation = null;
        double lastReduction = 1.0;
        while (search.gradientMaxNorm() > tol && iterations < maxIter) {
            // the step expected to finish is always a full Newton step: it then lands orders of magnitude
            // below tol, where a kept factorisation would stop just under it
            boolean fresh = factorisation == null || lastReduction > REUSE_RATIO
                    || search.gradientMaxNorm() * lastReduction <= tol;
            if (fresh) {
                loss.hessian(hessian);
                factorisation = factorise(hessian, iterations);
            }
            double[] direction = newtonDirection(factorisation, search.gradient());
            double gradientMaxNorm = search.gradientMaxNorm();
            if (!search.advance(direction, DenseKernels.dot(search.gradient(), direction))) {
                if (fresh) {
                    break;
                }
                // the kept factorisation no longer gives a usable step: rebuild it at the current point,
                // which the loss must hold as its last evaluated one
                search.evaluate();
                factorisation = null;
                continue;
            }
            lastReduction = search.gradientMaxNorm() / gradientMaxNorm;
            iterations++;
        }
        return search.result(iterations, tol);
    }

    /** {@code d = -H^-1 g}. */
    private static double[] newtonDirection(DecompositionSolver factorisation, double[] gradient) {
        double[] negativeGradient = new double[gradient.length];
        for (int j = 0; j < gradient.length; j++) {
            negativeGradient[j] = -gradient[j];
        }
        return factorisation.solve(new ArrayRealVector(negativeGradient, false)).toArray();
    }

    /**
     * Cholesky of the Hessian, shifting its diagonal up until the factorisation succeeds.
     *
     * @throws SolverBreakdownException when the Hessian has an entry that is not a finite number: no
     *                                  shift would make it factorisable
     */
    private static DecompositionSolver factorise(double[][] hessian, int iteration) {
        double maxDiagonal = 0;
        for (double[] row : hessian) {
            for (double entry : row) {
                if (!Double.isFinite(entry)) {
                    throw new SolverBreakdownException("solver " + NAME + " broke down at iteration " + iteration
                            + ": the Hessian is not finite (" + entry + "); the feature values or C are too extreme"
                            + " for double precision (scale the features, or choose a C closer to 1)");
                }
            }
        }
        for (int j = 0; j < hessian.length; j++) {
            maxDiagonal = Math.max(maxDiagonal, hessian[j][j]);
        }
        double shift = 0;
        while (true) {
            try {
                return new CholeskyDecomposition(new Array2DRowRealMatrix(hessian, true),
                        CholeskyDecomposition.DEFAULT_RELATIVE_SYMMETRY_THRESHOLD, PIVOT_FLOOR * maxDiagonal).getSolver();
            } catch (NonPositiveDefiniteMatrixException singular) {
                double nextShift = shift == 0 ? FIRST_SHIFT * maxDiagonal : 10 * shift;
                for (int j = 0; j < hessian.length; j++) {
                    hessian[j][j] += nextShift - shift;
                }
                shift = nextShift;
            }
        }
    }
}
