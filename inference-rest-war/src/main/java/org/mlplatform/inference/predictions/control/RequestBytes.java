package org.mlplatform.inference.predictions.control;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * A whole request body in one array, read within the body limit (413 beyond it, as
 * {@link BoundedInputStream} says), so that the readers can scan bytes instead of a stream of
 * tokens. Only {@code length} bytes of {@code data} are the body.
 */
record RequestBytes(byte[] data, int length) {

    private static final int FIRST_BUFFER = 8192;

    static RequestBytes read(InputStream body, RequestLimits limits) {
        return read(body, limits, -1);
    }

    /** @param declaredLength the Content-Length, or -1: sizes the array so that a large body is not copied while it grows */
    static RequestBytes read(InputStream body, RequestLimits limits, long declaredLength) {
        limits.checkDeclaredLength(declaredLength);
        byte[] data = new byte[declaredLength > 0 ? (int) declaredLength + 1 : FIRST_BUFFER];
        int length = 0;
        try (InputStream in = new BoundedInputStream(body, limits)) {
            while (true) {
                if (length == data.length) {
                    data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(data.length * 2L, FIRST_BUFFER)));
                }
                int n = in.read(data, length, data.length - length);
                if (n < 0) {
                    return new RequestBytes(data, length);
                }
                length += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
    }

    InputStream stream() {
        return new ByteArrayInputStream(data, 0, length);
    }
}
