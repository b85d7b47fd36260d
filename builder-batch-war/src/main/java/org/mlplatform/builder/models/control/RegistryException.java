package org.mlplatform.builder.models.control;

/**
 * A registry request that cannot be done: an invalid alias request (400, {@code field} names the
 * member), an unknown model, version or alias (404) or a conflict (409).
 */
public class RegistryException extends RuntimeException {

    private final int status;
    private final String field;

    private RegistryException(int status, String message) {
        this(status, message, null);
    }

    private RegistryException(int status, String message, String field) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public static RegistryException invalid(String field, String message) {
        return new RegistryException(400, message, field);
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

    /** The request member at fault (400 only). */
    public String field() {
        return field;
    }
}
