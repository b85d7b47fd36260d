package org.mlplatform.inference.predictions.control;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails with 413 as soon as more than the allowed bytes are read, whatever Content-Length claimed. */
public class BoundedInputStream extends FilterInputStream {

    private final RequestLimits limits;
    private long remaining;

    public BoundedInputStream(InputStream in, RequestLimits limits) {
        super(in);
        this.limits = limits;
        this.remaining = limits.maxBodyBytes();
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
            throw limits.bodyTooLarge();
        }
    }
}
