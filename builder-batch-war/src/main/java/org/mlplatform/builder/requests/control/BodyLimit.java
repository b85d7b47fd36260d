package org.mlplatform.builder.requests.control;

import java.io.InputStream;

/**
 * The most bytes a request body to the builder may hold ({@value #SETTING}): a declared
 * {@code Content-Length} over it is refused at once, a chunked body as soon as it is read past it.
 */
public record BodyLimit(long maxBytes) {

    public static final String SETTING = "mlplatform.builder.max-body-bytes";
    /** 64 MiB: the server's limit on a declared Content-Length (wildfly-config http.cli). */
    public static final String DEFAULT = "67108864";

    public BodyLimit {
        if (maxBytes < 1) {
            throw new IllegalArgumentException(SETTING + " must be a positive number of bytes, got " + maxBytes);
        }
    }

    /** @param contentLength the declared length, or -1 when the body comes chunked */
    public void checkDeclaredLength(long contentLength) {
        if (contentLength > maxBytes) {
            throw tooLarge();
        }
    }

    /** The body, failing with {@link RequestTooLargeException} once more than the limit is read from it. */
    public InputStream bound(InputStream body) {
        return new BoundedInputStream(body, this);
    }

    public RequestTooLargeException tooLarge() {
        return new RequestTooLargeException("the request body exceeds the limit of " + maxBytes + " bytes (" + SETTING + ")");
    }
}
