package org.mlplatform.pipeline.training;

/**
 * Where a solver stopped.
 *
 * @param parameters      the point reached
 * @param iterations      outer iterations taken
 * @param value           the (normalised) objective there
 * @param gradientMaxNorm largest absolute gradient component there
 * @param converged       whether {@code gradientMaxNorm <= tol}
 */
record SolverResult(double[] parameters, int iterations, double value, double gradientMaxNorm, boolean converged) {
}
