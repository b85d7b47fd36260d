package org.mlplatform.builder.models.control;

/** A registry request that cannot be done: an unknown model or version (404) or a conflict (409). */
public class RegistryException extends RuntimeException {

    private final int status;

    private RegistryException(int status, String message) {
        super(message);
        this.status = status;
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
}
