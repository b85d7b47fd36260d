package org.mlplatform.inference.scorings.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlplatform.inference.scorings.entity.BadRowPolicy;
import org.mlplatform.inference.scorings.entity.RejectedRow;
import org.mlplatform.inference.scorings.entity.RowBlock;

class CsvRowReaderTest {

    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        Path file = dir.resolve("in.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void valuesAreWhatFloatParseFloatGivesForTheSameText() throws IOException {
        Random random = new Random(42);
        StringBuilder csv = new StringBuilder();
        List<String> cells = new ArrayList<>();
        for (int row = 0; row < 2000; row++) {
            for (int column = 0; column < 3; column++) {
                String cell = switch (random.nextInt(4)) {
                    case 0 -> Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(20) - 10));
                    case 1 -> String.format("%.8f", random.nextGaussian());
                    case 2 -> Float.toString((float) random.nextGaussian());
                    default -> Long.toString(random.nextLong() % 100000);
                };
                cells.add(cell);
                csv.append(column == 0 ? "" : ",").append(cell);
            }
            csv.append('\n');
        }
        try (CsvRowReader reader = new CsvRowReader(write(csv.toString()), "in.csv", 3, List.of(), 0, 0, 0)) {
            RowBlock block = reader.next(5000, false, BadRowPolicy.FAIL);
            assertEquals(2000, block.count());
            for (int i = 0; i < cells.size(); i++) {
                assertEquals(Float.parseFloat(cells.get(i)), block.features()[i], cells.get(i));
            }
            assertNull(reader.next(10, false, BadRowPolicy.FAIL));
        }
    }

    @Test
    void resumingAtACheckpointedOffsetReadsTheRestExactlyOnce() throws IOException {
        StringBuilder csv = new StringBuilder("\uFEFFa,b\r\n");
        for (int i = 1; i <= 1000; i++) {
            csv.append(i).append(',').append(-i).append(i % 7 == 0 ? "\r\n\n" : "\n");
        }
        Path file = write(csv.toString());
        List<Long> rows = new ArrayList<>();
        long[] checkpoint;
        try (CsvRowReader reader = new CsvRowReader(file, "in.csv", 2, List.of("a", "b"), 0, 0, 0)) {
            RowBlock first = reader.next(333, false, BadRowPolicy.FAIL);
            for (int r = 0; r < first.count(); r++) {
                rows.add(first.rows()[r]);
                assertEquals(first.rows()[r], (long) first.features()[2 * r]);
            }
            checkpoint = new long[] {reader.offset(), reader.line(), reader.row()};
            reader.next(100, false, BadRowPolicy.FAIL); // read after the checkpoint, then "crash"
        }
        try (CsvRowReader reader = new CsvRowReader(file, "in.csv", 2, List.of("a", "b"), checkpoint[0], checkpoint[1], checkpoint[2])) {
            RowBlock block;
            while ((block = reader.next(250, false, BadRowPolicy.FAIL)) != null) {
                for (int r = 0; r < block.count(); r++) {
                    rows.add(block.rows()[r]);
                    assertEquals(block.rows()[r], (long) block.features()[2 * r]);
                    assertEquals(-block.rows()[r], (long) block.features()[2 * r + 1]);
                }
            }
        }
        assertEquals(1000, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(i + 1, rows.get(i));
        }
        assertEquals(OptionalLong.of(1000), CsvRowReader.countRows(file, "in.csv", () -> false));
        assertTrue(CsvRowReader.inspectHeader(file, "in.csv", 2, List.of("a", "b")));
    }

    @Test
    void aBadCellFailsNamingFileLineAndColumn() throws IOException {
        Path file = write("1,2,3\n4,abc,6\n");
        try (CsvRowReader reader = new CsvRowReader(file, "data/in.csv", 3, List.of(), 0, 0, 0)) {
            BadRowException error = assertThrows(BadRowException.class, () -> reader.next(10, false, BadRowPolicy.FAIL));
            assertEquals("data/in.csv line 2, column 2: 'abc' is not a number", error.getMessage());
        }
    }

    @Test
    void skippedRowsAreReportedWithTheirReasonAndLeftOut() throws IOException {
        Path file = write("1,2\n3,NaN\n5\n\n7,8\n9,1e99\n");
        try (CsvRowReader reader = new CsvRowReader(file, "in.csv", 2, List.of(), 0, 0, 0)) {
            RowBlock block = reader.next(10, true, BadRowPolicy.SKIP);
            assertEquals(2, block.count());
            assertArrayEquals(new long[] {1, 4}, java.util.Arrays.copyOf(block.rows(), 2));
            assertEquals("7,8", new String(block.text(), block.textStart(1), block.textEnds()[1] - block.textStart(1), StandardCharsets.UTF_8));
            assertEquals(3, block.rejected().size());
            assertEquals("NaN is not a finite number", block.rejected().get(0).reason());
            assertEquals(2, block.rejected().get(0).line());
            assertEquals(2, block.rejected().get(0).column());
            assertEquals("the row has 1 values, the model takes 2", block.rejected().get(1).reason());
            assertEquals(6, block.rejected().get(2).line());
            assertEquals("1e99 does not fit a float32", block.rejected().get(2).reason());
        }
    }

    @Test
    void aHeaderThatIsNotTheModelsIsRefused() throws IOException {
        Path file = write("a,c\n1,2\n");
        BadRowException error = assertThrows(BadRowException.class, () -> CsvRowReader.inspectHeader(file, "in.csv", 2, List.of("a", "b")));
        assertTrue(error.getMessage().startsWith("in.csv line 1, column 2: header column is 'c', the model expects 'b'"), error.getMessage());
        BadRowException afterBlankLines = assertThrows(BadRowException.class,
                () -> CsvRowReader.inspectHeader(write("\uFEFF\r\n \na,b,c\n1,2\n"), "in.csv", 2, List.of("a", "b")));
        assertEquals("in.csv line 3: the header names 3 columns, the model takes 2", afterBlankLines.getMessage());
        assertFalse(CsvRowReader.inspectHeader(write("1,2\n3,4\n"), "in.csv", 2, List.of("a", "b")));
        assertFalse(CsvRowReader.inspectHeader(write(""), "in.csv", 2, List.of("a", "b")));
    }

    @Test
    void blocksCutAcrossReadBufferRefillsHoldEveryRowOnceWithItsLineNumber() throws IOException {
        // about 3 MB: the 1 MB read buffer is refilled inside blocks, and one line is longer than it
        StringBuilder csv = new StringBuilder("\uFEFFa,b\r\n");
        int rows = 60_000;
        for (int i = 1; i <= rows; i++) {
            String padding = i == 30_000 ? " ".repeat(1_500_000) : "";
            csv.append(i).append(",").append(padding).append(-i).append(i % 7 == 0 ? "\r\n \t\r\n" : "\n");
        }
        csv.append(" \r 1,2\n"); // a CR inside a line is not a line end: a row, refused
        Path file = write(csv.toString());
        assertEquals(OptionalLong.of(rows + 1), CsvRowReader.countRows(file, "in.csv", () -> false));
        assertTrue(CsvRowReader.inspectHeader(file, "in.csv", 2, List.of("a", "b")));
        long line = 1;
        long row = 0;
        try (CsvRowReader reader = new CsvRowReader(file, "in.csv", 2, List.of("a", "b"), 0, 0, 0)) {
            RowBlock block;
            while ((block = reader.next(7_001, false, BadRowPolicy.SKIP)) != null) {
                for (int r = 0; r < block.count(); r++) {
                    row++;
                    line += row % 7 == 1 && row > 1 ? 2 : 1;
                    assertEquals(row, block.rows()[r]);
                    assertEquals(row, (long) block.features()[2 * r]);
                    assertEquals(-row, (long) block.features()[2 * r + 1]);
                }
                for (RejectedRow rejected : block.rejected()) {
                    assertEquals(rows + 1, rejected.row());
                    assertEquals(line + 1, rejected.line());
                    assertEquals("'\r 1' is not a number", rejected.reason());
                }
            }
            assertEquals(rows, row);
            assertEquals(rows + 1, reader.row());
        }
    }

    @Test
    void blankLinesDoNotMakeABlockHoldMoreThanItsRows() throws IOException {
        String blanks = " \n".repeat(1_000_000);
        Path file = write("1,2\n" + blanks + "3,4\r\n" + blanks + "5,6");
        try (CsvRowReader reader = new CsvRowReader(file, "in.csv", 2, List.of(), 0, 0, 0)) {
            CsvRowReader.RawBlock raw = reader.nextRaw(10);
            assertEquals(3, raw.count());
            assertTrue(raw.bytes().length < 100_000, raw.bytes().length + " bytes for 3 rows among 4 MB of blank lines");
            RowBlock block = reader.parse(raw, true, BadRowPolicy.FAIL);
            assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, block.features());
            assertArrayEquals(new long[] {1, 1_000_002, 2_000_003}, java.util.Arrays.copyOf(raw.lines(), 3));
            assertEquals("3,4", new String(block.text(), block.textStart(1), block.textEnds()[1] - block.textStart(1), StandardCharsets.UTF_8));
        }
    }

    /**
     * Rows {@code i,<spaces>-i} of every length mod 8 (line ends found 8 bytes at a time), then one
     * whose line end is the byte at {@code newlineAt}, then more rows, the last without a line end.
     */
    private static String rowsWithALineEndAt(int newlineAt, String lineEnd) {
        StringBuilder csv = new StringBuilder();
        int row = 1;
        for (; row <= 100; row++) {
            csv.append(row).append(',').append(" ".repeat(row % 17)).append(-row).append(lineEnd);
        }
        String cells = row + "," + -row;
        int padding = newlineAt - csv.length() - cells.length() - (lineEnd.length() - 1);
        csv.append(row).append(',').append(" ".repeat(padding)).append(-row).append(lineEnd);
        assertEquals(newlineAt, csv.length() - 1);
        for (row++; row <= 150; row++) {
            csv.append(row).append(',').append(" ".repeat(row % 11)).append(-row).append(row == 150 ? "" : lineEnd);
        }
        return csv.toString();
    }

    /** Reads every row, checking its number, line number and values ({@code i, -i}); and counts them. */
    private static void assertRowsOneToN(Path file, int n) throws IOException {
        long row = 0;
        try (CsvRowReader reader = new CsvRowReader(file, "in.csv", 2, List.of(), 0, 0, 0)) {
            CsvRowReader.RawBlock raw;
            while ((raw = reader.nextRaw(7)) != null) {
                RowBlock block = reader.parse(raw, false, BadRowPolicy.FAIL);
                for (int r = 0; r < block.count(); r++) {
                    row++;
                    assertEquals(row, block.rows()[r]);
                    assertEquals(row, raw.lines()[r], "line of row " + row);
                    assertEquals(row, (long) block.features()[2 * r]);
                    assertEquals(-row, (long) block.features()[2 * r + 1]);
                }
            }
        }
        assertEquals(n, row);
        assertEquals(OptionalLong.of(n), CsvRowReader.countRows(file, "in.csv", () -> false));
    }

    @Test
    void lineEndsAreFoundAtEveryPositionModEightAndAroundTheEndOfTheReadBuffer() throws IOException {
        int bufferBytes = 1 << 20;
        for (String lineEnd : List.of("\n", "\r\n")) {
            for (int newlineAt = bufferBytes - 9; newlineAt <= bufferBytes + 9; newlineAt++) {
                assertRowsOneToN(write(rowsWithALineEndAt(newlineAt, lineEnd)), 150);
            }
        }
    }

    @Test
    void linesLongerThanTheReadBufferAreReadWholeAcrossRefills() throws IOException {
        StringBuilder csv = new StringBuilder();
        for (int row = 1; row <= 5; row++) {
            // 2.5 MB, 0.5 MB, 3 MB...: the buffer grows, and lines start anywhere in it
            String padding = " ".repeat(row % 2 == 1 ? 500_000 * (row + 4) : 500_000 + row);
            csv.append(row).append(',').append(padding).append(-row).append(row % 2 == 0 ? "\r\n" : "\n");
        }
        assertRowsOneToN(write(csv.toString()), 5);
    }

    @Test
    void aStoppedCountGivesNoTotal() throws IOException {
        Path file = write("1,2\n".repeat(200_000));
        assertEquals(OptionalLong.of(200_000), CsvRowReader.countRows(file, "in.csv", () -> false));
        assertEquals(OptionalLong.empty(), CsvRowReader.countRows(file, "in.csv", () -> true));
    }
}
