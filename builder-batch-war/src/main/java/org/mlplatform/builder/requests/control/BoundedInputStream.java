package org.mlplatform.builder.requests.control;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fails as soon as more than the limit is read, whatever Content-Length claimed. The inference service
 * bounds its bodies the same way (its own {@code predictions.control.BoundedInputStream}; the two WARs
 * share no code module, and these few lines are not worth one).
 */
class BoundedInputStream extends FilterInputStream {

    private final BodyLimit limit;
    private long remaining;

    BoundedInputStream(InputStream in, BodyLimit limit) {
        super(in);
        this.limit = limit;
        this.remaining = limit.maxBytes();
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) {
        remaining -= n;
        if (remaining < 0) {
            throw limit.tooLarge();
        }
    }
}
