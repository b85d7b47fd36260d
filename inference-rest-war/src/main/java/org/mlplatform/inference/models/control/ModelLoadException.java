package org.mlplatform.inference.models.control;

/** A version could not be loaded: unreadable files, checksum mismatch, or a graph the service cannot serve. */
public class ModelLoadException extends Exception {

    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
