package org.mlplatform.inference.predictions.control;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The bytes after the JSON of a binary tensor data request (Open Inference Protocol extension, as
 * Triton defines it): the inputs' data in the order the inputs are listed, little-endian, without
 * padding. Each input takes its {@code binary_data_size}; bytes left over are an error.
 */
final class BinaryTensorData {

    private static final VarHandle FLOAT_LE = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);

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

    /**
     * The next {@code count} FP32 values, as rows of {@code columns}; a NaN or infinite value is
     * refused naming its row and column, as the JSON and CSV readings refuse them.
     */
    float[] floats(String input, int count, int columns) {
        long bytes = (long) count * Float.BYTES;
        if (bytes > end - position) {
            throw InvalidInputException.badRequest("Wrong binary size", "input '" + input + "' needs " + bytes
                    + " bytes of binary data, the body holds " + (end - position) + " after " + (position == start ? "the JSON" : "the inputs before it"));
        }
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            float value = (float) FLOAT_LE.get(data, position + i * Float.BYTES);
            if (!Float.isFinite(value)) {
                int row = i / columns + 1;
                int column = i % columns + 1;
                throw InvalidInputException.at("Non-finite value", "row " + row + ", column " + column + ": " + value
                        + " is not a finite number", row, column);
            }
            values[i] = value;
        }
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
