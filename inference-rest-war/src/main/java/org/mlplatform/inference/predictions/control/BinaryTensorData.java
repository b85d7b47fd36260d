package org.mlplatform.inference.predictions.control;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The bytes after the JSON of a binary tensor data request (Open Inference Protocol extension, as
 * Triton defines it): the inputs' data in the order the inputs are listed, little-endian, without
 * padding. Each input takes its {@code binary_data_size}; bytes left over are an error.
 */
final class BinaryTensorData {

    private final byte[] data;
    private final int start;
    private final int end;
    private int position;

    BinaryTensorData(byte[] data, int start, int end) {
        this.data = data;
        this.start = start;
        this.end = end;
        this.position = start;
    }

    /** The next {@code count} FP32 values. */
    float[] floats(String input, int count) {
        long bytes = (long) count * Float.BYTES;
        if (bytes > end - position) {
            throw InvalidInputException.badRequest("Wrong binary size", "input '" + input + "' needs " + bytes
                    + " bytes of binary data, the body holds " + (end - position) + " after " + (position == start ? "the JSON" : "the inputs before it"));
        }
        float[] values = new float[count];
        ByteBuffer.wrap(data, position, (int) bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        position += (int) bytes;
        return values;
    }

    void checkAllRead() {
        if (position != end) {
            throw InvalidInputException.badRequest("Wrong binary size", "the body holds " + (end - position)
                    + " bytes after the JSON and the inputs' binary_data_size (" + (position - start) + " bytes) that no input claims");
        }
    }
}
