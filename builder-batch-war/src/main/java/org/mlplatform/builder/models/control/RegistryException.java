package org.mlplatform.builder.models.control;

/**
 * A registry request that cannot be done: an invalid alias request or model import (400, {@code field}
 * names the member or part), an imported file that is not ONNX at all (415), an unknown model, version or
 * alias (404) or a conflict (409).
 */
public class RegistryException extends RuntimeException {

    private final int status;
    private final String title;
    private final String field;

    private RegistryException(int status, String message) {
        this(status, null, message, null);
    }

    private RegistryException(int status, String title, String message, String field) {
        super(message);
        this.status = status;
        this.title = title;
        this.field = field;
    }

    public static RegistryException invalid(String field, String message) {
        return new RegistryException(400, "Invalid alias request", message, field);
    }

    public static RegistryException invalidImport(String field, String message) {
        return new RegistryException(400, "Invalid model import", message, field);
    }

    public static RegistryException notOnnx(String field, String message) {
        return new RegistryException(415, null, message, field);
    }

    public static RegistryException notFound(String message) {
        return new RegistryException(404, message);
    }

    public static RegistryException conflict(String message) {
        return new RegistryException(409, message);
    }

    public int status() {
        return status;
    }

    /** The title of a 400, which names the mistake; null otherwise (the status's own title). */
    public String title() {
        return title;
    }

    /** The request member or part at fault, when there is one. */
    public String field() {
        return field;
    }
}
