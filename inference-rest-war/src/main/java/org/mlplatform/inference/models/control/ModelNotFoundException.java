package org.mlplatform.inference.models.control;

/** The requested model, or the requested version of it, is not being served. */
public class ModelNotFoundException extends RuntimeException {

    public ModelNotFoundException(String message) {
        super(message);
    }
}
