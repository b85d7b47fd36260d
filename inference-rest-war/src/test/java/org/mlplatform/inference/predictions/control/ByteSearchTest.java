package org.mlplatform.inference.predictions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ByteSearchTest {

    /** Every byte value but {@code value}, so that a neighbour, a high byte or a zero byte is never taken for it. */
    private static byte[] without(byte value, int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (i * 7 + 3);
            if (data[i] == value) {
                data[i] = (byte) (value + 1);
            }
        }
        return data;
    }

    @Test
    void findsTheFirstMatchWhereverItStartsAndLies() {
        for (byte value : new byte[] {'\n', ',', 0, (byte) 0x80, (byte) 0xFF}) {
            for (int length = 0; length <= 40; length++) {
                for (int from = 0; from <= length; from++) {
                    assertEquals(length, ByteSearch.indexOf(without(value, length), from, length, value), "none in " + length);
                    for (int at = from; at < length; at++) {
                        byte[] data = without(value, length);
                        data[at] = value;
                        if (at + 3 < length) {
                            data[at + 3] = value;
                        }
                        assertEquals(at, ByteSearch.indexOf(data, from, length, value), "from " + from + " of " + length);
                    }
                }
            }
        }
    }

    @Test
    void looksNeitherBeforeFromNorAtOrAfterEnd() {
        byte[] data = "\n..........\n.......\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(11, ByteSearch.indexOf(data, 1, data.length, (byte) '\n'));
        assertEquals(11, ByteSearch.indexOf(data, 1, 11, (byte) '\n'), "nothing before end: end");
        assertEquals(19, ByteSearch.indexOf(data, 12, 19, (byte) '\n'), "nothing before end: end");
        assertEquals(19, ByteSearch.indexOf(data, 12, 20, (byte) '\n'));
    }
}
