package org.mlplatform.inference.predictions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

class NumericCsvRowTest {

    private static String parse(String row, float[] values, int[] failedColumn) {
        byte[] bytes = ("#" + row + "#").getBytes(StandardCharsets.UTF_8);
        return NumericCsvRow.parse(bytes, 1, bytes.length - 1, values.length, values, 0, failedColumn);
    }

    @Test
    void rowsAreReadOrRefusedWithTheCellAtFault() {
        float[] values = new float[3];
        int[] failed = new int[1];
        assertNull(parse("1.5,-2e3,+.25", values, failed));
        assertEquals(1.5f, values[0]);
        assertEquals(-2000f, values[1]);
        assertEquals(0.25f, values[2]);
        assertNull(parse(" 1 ,\t2,3\t", values, failed), "spaces and tabs around cells are skipped");
        assertEquals(3f, values[2]);
        assertEquals("'a' is not a number", parse("1,a,3", values, failed));
        assertEquals(2, failed[0]);
        assertEquals("empty cell, expected a number", parse("1,2,", values, failed));
        assertEquals(3, failed[0]);
        assertEquals("'1 2' is not a number", parse("1 2,2,3", values, failed));
        assertEquals(1, failed[0]);
        assertEquals("'1.2.3' is not a number", parse("1,2,1.2.3", values, failed));
        assertEquals("1e39 does not fit a float32", parse("1,1e39,3", values, failed));
        assertEquals("-Infinity is not a finite number", parse("1,2,-Infinity", values, failed));
        assertEquals("the row has 4 values, the model takes 3", parse("1,2,3,4", values, failed));
        assertEquals(0, failed[0]);
        assertEquals("the row has 2 values, the model takes 3", parse("1,2", values, failed));
        assertEquals("'x' is not a number", parse("x,2,3,4", values, failed), "a bad cell before the extra ones is named");
        for (String javaOnly : new String[] {"0x1p3", "-0X1P-2", "+0x10", "1.5f", "2D", "\u000b1", "1\u000b"}) {
            assertEquals("'" + javaOnly + "' is not a number", parse("1," + javaOnly + ",3", values, failed), "Java's float syntax beyond decimals");
            assertEquals(2, failed[0]);
        }
    }

    @Test
    void readValuesAreThoseOfFloatParseFloat() {
        Random random = new Random(11);
        String alphabet = "0123456789.+-eE, \t/xXpPfFdD\u000b";
        float[] values = new float[3];
        int[] failed = new int[1];
        int read = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder row = new StringBuilder();
            int cellCount = random.nextInt(8) == 0 ? 2 + 2 * random.nextInt(2) : 3;
            for (int c = 0; c < cellCount; c++) {
                row.append(c == 0 ? "" : ",");
                if (random.nextInt(20) == 0) {
                    row.append(random.nextBoolean() ? "0x" : "-0X");
                }
                int length = random.nextInt(7);
                for (int i = 0; i < length; i++) {
                    row.append(random.nextInt(6) == 0 ? alphabet.charAt(random.nextInt(alphabet.length())) : (char) ('0' + random.nextInt(10)));
                }
            }
            String[] cells = row.toString().split(",", -1);
            Float[] expected = new Float[cells.length];
            boolean readable = cells.length == 3;
            for (int c = 0; c < cells.length && readable; c++) {
                String cell = cells[c].replaceAll("^[ \t]+|[ \t]+$", "");
                try {
                    expected[c] = cell.matches("[0-9.+eE-]+") ? Float.parseFloat(cell) : null;
                } catch (NumberFormatException e) {
                    expected[c] = null;
                }
                readable = expected[c] != null && Float.isFinite(expected[c]);
            }
            String problem = parse(row.toString(), values, failed);
            assertEquals(readable, problem == null, row + ": " + problem);
            if (readable) {
                read++;
                for (int c = 0; c < 3; c++) {
                    assertEquals(Float.floatToIntBits(expected[c]), Float.floatToIntBits(values[c]), row + " cell " + (c + 1));
                }
            }
        }
        assertEquals(true, read > 20_000, "too few readable rows to compare: " + read);
    }
}
