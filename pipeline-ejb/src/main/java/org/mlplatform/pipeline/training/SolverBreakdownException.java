package org.mlplatform.pipeline.training;

import jakarta.ejb.ApplicationException;

/**
 * The solver could not go on: the objective, its gradient or its Hessian stopped being finite
 * numbers, so no model came out. This is a property of the inputs (C, tol, the scale of the
 * features), not a fault of the server; the message says which solver broke down, where, and what
 * to change. It reaches callers of the EJB facade as it is (an application exception), not as a
 * server failure.
 */
@ApplicationException
public class SolverBreakdownException extends ArithmeticException {

    public SolverBreakdownException(String message) {
        super(message);
    }
}
