package org.mlplatform.inference.predictions.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class JsonInstancesReaderTest {

    private final JsonInstancesReader reader = new JsonInstancesReader(new RequestLimits(3, 1_000));

    private FeatureMatrix read(String json) {
        return reader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), 2);
    }

    private InvalidInputException rejected(String json) {
        return assertThrows(InvalidInputException.class, () -> read(json));
    }

    @Test
    void readsRowsInOrderAndIgnoresOtherMembers() {
        FeatureMatrix matrix = read("{\"id\": {\"a\": [1]}, \"instances\": [[1, -2.5], [3e2, 0.1]], \"extra\": [true]}");
        assertEquals(2, matrix.rows());
        assertEquals(2, matrix.columns());
        assertArrayEquals(new float[] {1f, -2.5f, 300f, 0.1f}, Arrays.copyOf(matrix.values(), 4));
    }

    @Test
    void malformedJsonNamesWhere() {
        InvalidInputException error = rejected("{\"instances\": [[1, 2],");
        assertEquals(400, error.status());
        assertEquals("Malformed JSON", error.title());
        assertTrue(error.getMessage().contains("line 1"), error.getMessage());
    }

    @Test
    void nanIsNotJson() {
        assertEquals("Malformed JSON", rejected("{\"instances\": [[NaN, 1]]}").title());
    }

    @Test
    void wrongFeatureCountNamesTheRow() {
        InvalidInputException fewer = rejected("{\"instances\": [[1, 2], [3]]}");
        assertEquals(2, fewer.row());
        assertTrue(fewer.getMessage().contains("row 2 has 1 features, the model takes 2"), fewer.getMessage());
        InvalidInputException more = rejected("{\"instances\": [[1, 2, 3]]}");
        assertEquals(1, more.row());
        assertEquals(3, more.column());
    }

    @Test
    void nonNumericValueNamesRowAndColumn() {
        InvalidInputException error = rejected("{\"instances\": [[1, 2], [3, \"x\"]]}");
        assertEquals(2, error.row());
        assertEquals(2, error.column());
        assertEquals("Non-numeric value", error.title());
        assertEquals(2, rejected("{\"instances\": [[1, 2], [null, 1]]}").row());
    }

    @Test
    void numbersBeyondFloat32AreRejected() {
        InvalidInputException error = rejected("{\"instances\": [[1, 1e39]]}");
        assertEquals(1, error.row());
        assertEquals(2, error.column());
    }

    @Test
    void emptyBatchAndMissingInstances() {
        assertEquals("Empty batch", rejected("{\"instances\": []}").title());
        assertEquals(400, rejected("{\"rows\": [[1, 2]]}").status());
        assertEquals(400, rejected("[[1, 2]]").status());
        assertEquals(400, rejected("{\"instances\": [1, 2]}").status());
    }

    @Test
    void limitsAnswer413() {
        assertEquals(413, rejected("{\"instances\": [[1, 2], [1, 2], [1, 2], [1, 2]]}").status());
        assertEquals(413, rejected("{\"instances\": [[1, 2]], \"pad\": \"" + "x".repeat(1_000) + "\"}").status());
    }

    /** Issue 7, item 8: what comes after the document, or a second "instances", would be a silent guess. */
    @Test
    void trailingContentAndDuplicateInstancesAreRefused() {
        assertEquals("Malformed JSON", rejected("{\"instances\": [[1, 2]]} garbage").title());
        assertEquals("Malformed JSON", rejected("{\"instances\": [[1, 2]]}{\"instances\": [[3, 4]]}").title());
        InvalidInputException twice = rejected("{\"instances\": [[1, 2]], \"instances\": [[3, 4]]}");
        assertEquals("Duplicate member", twice.title());
        assertTrue(twice.getMessage().contains("instances"), twice.getMessage());
        assertEquals(1, read("{\"instances\": [[1, 2]]}  \r\n").rows(), "trailing whitespace is fine");
    }

    /** Issue 7, item 2: deep nesting is a 400 where it is read, and skipped without recursion where it is ignored. */
    @Test
    void deepNestingIsA400OrSkipped() {
        String deep = "[".repeat(1_500) + "]".repeat(1_500);
        JsonInstancesReader roomy = new JsonInstancesReader(new RequestLimits(3, 100_000));
        String instances = "{\"instances\": " + deep + "}";
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> roomy.read(new ByteArrayInputStream(instances.getBytes(StandardCharsets.UTF_8)), 2));
        assertEquals(400, error.status(), error.getMessage());
        String ignored = "{\"pad\": " + deep + ", \"instances\": [[1, 2]]}";
        assertEquals(1, roomy.read(new ByteArrayInputStream(ignored.getBytes(StandardCharsets.UTF_8)), 2).rows());
    }
}
