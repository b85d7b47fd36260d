package org.mlplatform.inference.predictions.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvInstancesReaderTest {

    private final CsvInstancesReader reader = new CsvInstancesReader(new RequestLimits(3, 1_000));

    private FeatureMatrix read(String csv, List<String> names) {
        return reader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), 2, names);
    }

    private InvalidInputException rejected(String csv, List<String> names) {
        return assertThrows(InvalidInputException.class, () -> read(csv, names));
    }

    @Test
    void headerlessRowsWithBomCrlfAndBlankLines() {
        FeatureMatrix matrix = read("\uFEFF1, 2\r\n\r\n-3.5,4e-1\r\n", List.of());
        assertEquals(2, matrix.rows());
        assertArrayEquals(new float[] {1f, 2f, -3.5f, 0.4f}, Arrays.copyOf(matrix.values(), 4));
    }

    @Test
    void theTrainingHeaderIsCheckedAgainstTheFeatureNames() {
        assertEquals(1, read("age,income\n1,2\n", List.of("age", "income")).rows());
        assertEquals(1, read("\"age\",\"income\"\n1,2\n", List.of("age", "income")).rows());
        InvalidInputException swapped = rejected("income,age\n1,2\n", List.of("age", "income"));
        assertEquals("Header mismatch", swapped.title());
        assertEquals(1, swapped.column());
        assertEquals(1, read("a,b\n1,2\n", List.of()).rows(), "a model trained without a header accepts any names");
        assertEquals(400, rejected("a,b,c\n1,2\n", List.of()).status());
    }

    @Test
    void nonNumericCellNamesRowAndColumn() {
        InvalidInputException error = rejected("1,2\n3,abc\n", List.of());
        assertEquals(2, error.row());
        assertEquals(2, error.column());
        assertTrue(error.getMessage().contains("'abc'"), error.getMessage());
        InvalidInputException firstRow = rejected("1,abc\n", List.of());
        assertEquals(1, firstRow.row(), "a first row with one text cell is data, not a header");
        assertEquals(2, rejected("1,2\n3,\n", List.of()).column());
        assertEquals(400, rejected("1,0x10\n", List.of()).status());
        assertEquals(400, rejected("1,2f\n", List.of()).status());
    }

    @Test
    void nanAndInfinityAreRejected() {
        InvalidInputException nan = rejected("1,NaN\n", List.of());
        assertEquals("Non-finite value", nan.title());
        assertEquals(2, nan.column());
        assertEquals("Non-finite value", rejected("-inf,1\n", List.of()).title());
        assertEquals("Value out of range", rejected("1,1e39\n", List.of()).title());
    }

    @Test
    void wrongCountEmptyAndLimits() {
        assertEquals(2, rejected("1,2\n1,2,3\n", List.of()).row());
        assertEquals("Empty batch", rejected("", List.of()).title());
        assertEquals("Empty batch", rejected("a,b\n", List.of()).title());
        assertEquals(413, rejected("1,2\n1,2\n1,2\n1,2\n", List.of()).status());
        assertEquals(413, rejected("1,2\n".repeat(300), List.of()).status());
    }

    /** Issue 7, item 8: RFC 4180 quoting. A quoted number is a number; a quoted row of numbers is data. */
    @Test
    void rfc4180QuotedCellsAreReadAsTheirContent() {
        FeatureMatrix quoted = read("\"-1.37\",\"0.20\"\n", List.of());
        assertEquals(1, quoted.rows(), "a single quoted row of numbers is data, not a header");
        assertArrayEquals(new float[] {-1.37f, 0.2f}, Arrays.copyOf(quoted.values(), 2));
        assertEquals(2, read("\"age\",\"in,come\"\n1,\"2\"\n3,4\n", List.of("age", "in,come")).rows(),
                "a comma inside quotes belongs to the cell");
        assertEquals(1, read("\"a \"\"b\"\"\",c\n1,2\n", List.of("a \"b\"", "c")).rows(), "a doubled quote is one quote");
        InvalidInputException text = rejected("1,\"x,y\"\n", List.of());
        assertEquals(2, text.column());
        assertTrue(text.getMessage().contains("'x,y'"), text.getMessage());
        assertEquals("Malformed CSV", rejected("1,\"2\n", List.of()).title(), "an unterminated quote");
        assertEquals("Malformed CSV", rejected("1,\"2\"3\n", List.of()).title(), "text after a closing quote");
        assertEquals("Malformed CSV", rejected("1,2\"3\n", List.of()).title(), "a quote inside an unquoted cell");
    }
}
