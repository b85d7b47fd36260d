package org.mlplatform.pipeline.training;

/**
 * How a fit went.
 *
 * @param solver          {@code newton-cholesky} or {@code lbfgs}
 * @param iterations      outer iterations taken
 * @param objective       {@code C * sum_i s_i * logloss_i + 0.5 * ||W||^2} at the solution
 * @param gradientMaxNorm largest absolute gradient component at the solution, of the objective divided by
 *                        {@code C * sum_i s_i} (so that it means the same for any number of rows and C)
 * @param seconds         wall-clock time of the fit
 * @param converged       false when {@code maxIter} was reached before the tolerance
 */
public record FitReport(String solver, int iterations, double objective, double gradientMaxNorm,
                        double seconds, boolean converged) {
}
