package org.mlplatform.inference.explanations.control;

/** The version cannot be explained exactly; the message says why and what would make it explainable. */
public class ExplanationUnavailableException extends RuntimeException {

    public ExplanationUnavailableException(String reason) {
        super(reason);
    }
}
