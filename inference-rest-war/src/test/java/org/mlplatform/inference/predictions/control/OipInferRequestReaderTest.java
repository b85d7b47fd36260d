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
}
