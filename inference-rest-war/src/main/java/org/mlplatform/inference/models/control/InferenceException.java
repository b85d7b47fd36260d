package org.mlplatform.inference.models.control;

/** The runtime failed to score a request that had passed input validation. */
public class InferenceException extends Exception {

    public InferenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
