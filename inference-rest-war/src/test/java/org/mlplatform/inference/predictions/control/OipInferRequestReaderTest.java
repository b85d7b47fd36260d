package org.mlplatform.inference.predictions.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

import org.junit.jupiter.api.Test;

class OipInferRequestReaderTest {

    private final OipInferRequestReader reader = new OipInferRequestReader(new RequestLimits(10, 10_000));

    private OipInferRequest read(String json) {
        return reader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "input", 2, Set.of("label", "probabilities"));
    }

    private static String request(String shape, String data, String extra) {
        return "{" + extra + "\"inputs\": [{\"name\": \"input\", \"shape\": " + shape + ", \"datatype\": \"FP32\", \"data\": " + data + "}]}";
    }

    @Test
    void flatAndNestedDataGiveTheSameRows() {
        OipInferRequest flat = read(request("[2, 2]", "[1, 2, 3, 4]", "\"id\": \"a-1\", "));
        OipInferRequest nested = read(request("[2, 2]", "[[1, 2], [3, 4]]", ""));
        assertEquals("a-1", flat.id());
        assertNull(nested.id());
        assertArrayEquals(Arrays.copyOf(flat.features().values(), 4), Arrays.copyOf(nested.features().values(), 4));
        assertArrayEquals(new float[] {1, 2, 3, 4}, Arrays.copyOf(flat.features().values(), 4));
        assertTrue(flat.wants("label") && flat.wants("probabilities"));
    }

    @Test
    void honoursTheOutputsFilter() {
        OipInferRequest request = read(request("[1, 2]", "[1, 2]", "\"outputs\": [{\"name\": \"probabilities\"}], "));
        assertTrue(request.wants("probabilities"));
        assertFalse(request.wants("label"));
        assertThrows(InvalidInputException.class, () -> read(request("[1, 2]", "[1, 2]", "\"outputs\": [{\"name\": \"logits\"}], ")));
    }

    @Test
    void rejectsWhatDoesNotFitTheModel() {
        assertEquals("Wrong shape", assertThrows(InvalidInputException.class, () -> read(request("[1, 3]", "[1, 2, 3]", ""))).title());
        assertEquals("Wrong shape", assertThrows(InvalidInputException.class, () -> read(request("[2, 2]", "[1, 2, 3]", ""))).title());
        assertEquals("Wrong datatype", assertThrows(InvalidInputException.class,
                () -> read(request("[1, 2]", "[1, 2]", "").replace("FP32", "INT64"))).title());
        assertEquals("Unknown input", assertThrows(InvalidInputException.class,
                () -> read(request("[1, 2]", "[1, 2]", "").replace("\"input\"", "\"x\""))).title());
        InvalidInputException text = assertThrows(InvalidInputException.class, () -> read(request("[2, 2]", "[1, 2, 3, \"a\"]", "")));
        assertEquals(2, text.row());
        assertEquals(2, text.column());
        assertEquals("Empty batch", assertThrows(InvalidInputException.class, () -> read(request("[0, 2]", "[]", ""))).title());
        assertEquals(413, assertThrows(InvalidInputException.class, () -> read(request("[11, 2]", "[]", ""))).status());
        assertEquals(400, assertThrows(InvalidInputException.class, () -> read("{\"inputs\": 3}")).status());
        assertEquals(400, assertThrows(InvalidInputException.class, () -> read("not json")).status());
    }

    private InvalidInputException rejected(String json) {
        return assertThrows(InvalidInputException.class, () -> read(json));
    }

    /** Issue 7, item 3: shape members are integers; 1.5 or 2^32+1 is not silently truncated. */
    @Test
    void shapeMembersMustBeIntegersInRange() {
        for (String shape : new String[] {"[1.5, 2]", "[1, 2.0000001]", "[1, 4294967298]", "[4294967297, 2]", "[1e400, 2]", "[-1, 2]",
                "[\"1\", 2]", "[1, 2, 1]"}) {
            InvalidInputException error = rejected(request(shape, "[1, 2]", ""));
            assertEquals(400, error.status(), shape);
            assertEquals("Wrong shape", error.title(), shape);
        }
        assertEquals(1, read(request("[1.0, 2]", "[1, 2]", "")).features().rows(), "1.0 is the integer 1, as JSON numbers go");
        assertEquals(400, rejected(request("[1, 2]", "[1, 2]", "\"id\": 7, ")).status(), "id is a string");
    }

    /** Issue 7, item 2: a body nested beyond 1,000 levels is a 400, not a 500. */
    @Test
    void deepNestingIsA400() {
        OipInferRequestReader roomy = new OipInferRequestReader(new RequestLimits(10, 100_000));
        String deep = "[".repeat(1_500) + "]".repeat(1_500);
        for (String body : new String[] {request("[1, 2]", deep, ""), "{\"pad\": " + deep + "}"}) {
            InvalidInputException error = assertThrows(InvalidInputException.class, () -> roomy.read(
                    new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), "input", 2, Set.of("label", "probabilities")));
            assertEquals(400, error.status(), error.getMessage());
        }
    }

    /** Issue 7, item 8: trailing content and duplicate members are refused, not guessed at. */
    @Test
    void trailingContentAndDuplicateMembersAreRefused() {
        String one = request("[1, 2]", "[1, 2]", "");
        assertEquals(400, rejected(one + " trailing").status());
        assertEquals(400, rejected(one + one).status());
        InvalidInputException twice = rejected(one.replace("{\"inputs\"", "{\"inputs\": [], \"inputs\""));
        assertEquals(400, twice.status());
        assertTrue(twice.getMessage().contains("inputs"), twice.getMessage());
        assertEquals(1, read(one + "\n").features().rows());
    }
}
