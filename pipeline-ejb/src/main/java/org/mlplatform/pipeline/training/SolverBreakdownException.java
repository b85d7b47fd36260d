package org.mlplatform.pipeline.training;

/**
 * The solver could not go on: the objective, its gradient or its Hessian stopped being finite
 * numbers, so no model came out. This is a property of the inputs (C, tol, the scale of the
 * features), not a fault of the server; the message says which solver broke down, where, and what
 * to change.
 */
public class SolverBreakdownException extends ArithmeticException {

    public SolverBreakdownException(String message) {
        super(message);
    }
}
