package org.mlplatform.inference.models.control;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;

/**
 * The native memory one inference call at a time hands to ONNX Runtime: the input rows and the two
 * outputs it writes in place (bound as pinned outputs), kept from call to call. Without them every
 * call allocates a direct copy of its input, and ONNX Runtime creates and copies out a Java
 * tensor per output: a single-row call took 2-4 times the CPU, a 1,000-row call 2-5 times
 * (TensorBuffersBenchmark, docs/benchmarks.md). Not thread-safe: one owner, such as a pooled Predictor instance.
 * <p>
 * A buffer grows to the largest call seen, up to {@value #RETAINED_BYTES} bytes; a larger call gets
 * memory of its own that is not kept, so an idle owner never holds more than three times that.
 */
public final class TensorBuffers {

    static final int RETAINED_BYTES = 4 << 20;

    private final Region input = new Region();
    private final Region probabilities = new Region();
    private final Region labels = new Region();

    /** Room for {@code count} input values, from position 0 with that limit; what the previous call left there is overwritten. */
    FloatBuffer input(int count) {
        return input.take(count * (long) Float.BYTES).asFloatBuffer();
    }

    FloatBuffer probabilities(int count) {
        return probabilities.take(count * (long) Float.BYTES).asFloatBuffer();
    }

    LongBuffer labels(int count) {
        return labels.take(count * (long) Long.BYTES).asLongBuffer();
    }

    /** One kept direct buffer, doubled when a call needs more, up to the retained size. */
    private static final class Region {

        private ByteBuffer kept = ByteBuffer.allocateDirect(0);

        /** A native-order view of exactly {@code bytes} bytes (ONNX Runtime reads and writes a buffer from position to limit). */
        ByteBuffer take(long bytes) {
            if (bytes > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("a tensor of " + bytes + " bytes does not fit in one buffer");
            }
            ByteBuffer buffer = kept;
            if (bytes > RETAINED_BYTES) {
                buffer = ByteBuffer.allocateDirect((int) bytes);
            } else if (bytes > kept.capacity()) {
                kept = ByteBuffer.allocateDirect((int) Math.min(RETAINED_BYTES, Math.max(bytes, 2L * kept.capacity())));
                buffer = kept;
            }
            return buffer.slice(0, (int) bytes).order(ByteOrder.nativeOrder());
        }
    }
}
