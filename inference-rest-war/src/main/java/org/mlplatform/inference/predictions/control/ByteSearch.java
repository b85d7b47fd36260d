package org.mlplatform.inference.predictions.control;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds a byte eight at a time (SWAR: one {@code long} compared with eight copies of the byte), for
 * the byte readers' hot loops: the commas of a row ({@link NumericCsvRow}) and the line ends of a CSV
 * predict body ({@link CsvRowsScanner}) and of the score-file job's input ({@code CsvRowReader}).
 */
public final class ByteSearch {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;

    private ByteSearch() {
    }

    /** Index of the first {@code value} in {@code data[from, end)}, or {@code end} if there is none. */
    public static int indexOf(byte[] data, int from, int end, byte value) {
        long pattern = (value & 0xFFL) * ONES;
        int i = from;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long x = (long) LONGS.get(data, i) ^ pattern;
            // the lowest byte of x that is zero (a match) gets its high bit set; bytes above it may too
            long found = (x - ONES) & ~x & HIGH_BITS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < end; i++) {
            if (data[i] == value) {
                return i;
            }
        }
        return end;
    }
}
