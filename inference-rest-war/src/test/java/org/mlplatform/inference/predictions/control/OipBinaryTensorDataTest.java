package org.mlplatform.inference.predictions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Requests in the binary tensor data extension's wire format as Triton documents it
 * (docs/protocol/extension_binary_data.md): the JSON request, then each input's data as raw
 * little-endian bytes in input order, {@code Inference-Header-Content-Length} giving the JSON's
 * length. The bytes are put together one by one here, not with the reader's own ByteBuffer code.
 */
class OipBinaryTensorDataTest {

    private static final Set<String> OUTPUTS = Set.of("label", "probabilities");
    private final OipInferRequestReader reader = new OipInferRequestReader(new RequestLimits(10, 10_000));

    /** FP32 little-endian: the lowest byte of the IEEE 754 bits first. */
    private static byte[] fp32(float... values) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (float value : values) {
            int bits = Float.floatToRawIntBits(value);
            bytes.write(bits & 0xFF);
            bytes.write((bits >>> 8) & 0xFF);
            bytes.write((bits >>> 16) & 0xFF);
            bytes.write((bits >>> 24) & 0xFF);
        }
        return bytes.toByteArray();
    }

    private static String header(String shape, long binarySize, String extra) {
        return "{" + extra + "\"inputs\": [{\"name\": \"input\", \"shape\": " + shape + ", \"datatype\": \"FP32\","
                + " \"parameters\": {\"binary_data_size\": " + binarySize + "}}]}";
    }

    private static byte[] body(String json, byte[] data) {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[header.length + data.length];
        System.arraycopy(header, 0, body, 0, header.length);
        System.arraycopy(data, 0, body, header.length, data.length);
        return body;
    }

    private OipInferRequest read(byte[] body, Long jsonLength) {
        return reader.read(new ByteArrayInputStream(body), jsonLength, body.length, "input", 2, OUTPUTS);
    }

    private OipInferRequest read(String json, byte[] data) {
        return read(body(json, data), (long) json.getBytes(StandardCharsets.UTF_8).length);
    }

    private InvalidInputException refused(String json, byte[] data) {
        return assertThrows(InvalidInputException.class, () -> read(json, data));
    }

    @Test
    void rawLittleEndianFp32RowsAreReadBitForBit() {
        float[] values = {1.5f, -0.0f, Float.MIN_VALUE, Float.MAX_VALUE, -3.25e-20f, 0.1f};
        OipInferRequest request = read(header("[3, 2]", 24, "\"id\": \"b-1\", "), fp32(values));
        assertEquals("b-1", request.id());
        assertEquals(3, request.features().rows());
        for (int i = 0; i < values.length; i++) {
            assertEquals(Float.floatToRawIntBits(values[i]), Float.floatToRawIntBits(request.features().values()[i]), "value " + i);
        }
        assertFalse(request.anyBinary(), "no output was asked for as binary");
    }

    @Test
    void outputsAskedForAsBinaryPerOutputOrForAll() {
        String perOutput = "\"outputs\": [{\"name\": \"probabilities\", \"parameters\": {\"binary_data\": true}}, {\"name\": \"label\"}], ";
        OipInferRequest one = read(header("[1, 2]", 8, perOutput), fp32(1, 2));
        assertTrue(one.wantsBinary("probabilities"));
        assertFalse(one.wantsBinary("label"));
        String all = "\"parameters\": {\"binary_data_output\": true}, \"outputs\": [{\"name\": \"label\", \"parameters\": {\"binary_data\": false}}, "
                + "{\"name\": \"probabilities\"}], ";
        OipInferRequest allButLabel = read(header("[1, 2]", 8, all), fp32(1, 2));
        assertTrue(allButLabel.wantsBinary("probabilities"));
        assertFalse(allButLabel.wantsBinary("label"), "binary_data on an output overrides binary_data_output");
        String json = "{\"inputs\": [{\"name\": \"input\", \"shape\": [1, 2], \"datatype\": \"FP32\", \"data\": [1, 2]}],"
                + " \"outputs\": [{\"name\": \"label\", \"parameters\": {\"binary_data\": true}}]}";
        assertTrue(read(json.getBytes(StandardCharsets.UTF_8), null).anyBinary(), "a JSON request may ask for binary outputs");
    }

    @Test
    void sizesThatDoNotAddUpAreRefused() {
        InvalidInputException beyond = assertThrows(InvalidInputException.class,
                () -> read(body(header("[1, 2]", 8, ""), fp32(1, 2)), 10_000L));
        assertEquals(400, beyond.status());
        assertEquals("Wrong header length", beyond.title());
        assertTrue(beyond.getMessage().contains("Inference-Header-Content-Length is 10000"), beyond.getMessage());
        InvalidInputException wrongSize = refused(header("[2, 2]", 12, ""), fp32(1, 2, 3));
        assertEquals("Wrong binary size", wrongSize.title());
        assertTrue(wrongSize.getMessage().contains("needs 16 bytes"), wrongSize.getMessage());
        InvalidInputException trailing = refused(header("[1, 2]", 8, ""), body("", new byte[] {0, 0, (byte) 0x80, 0x3F, 0, 0, 0, 0x40, 7}));
        assertEquals("Wrong binary size", trailing.title());
        assertTrue(trailing.getMessage().contains("1 bytes after the JSON"), trailing.getMessage());
        InvalidInputException shortBody = refused(header("[2, 2]", 16, ""), fp32(1, 2, 3));
        assertEquals("Wrong binary size", shortBody.title());
        assertTrue(shortBody.getMessage().contains("the body holds 12"), shortBody.getMessage());
        assertEquals("Wrong binary size", refused(header("[1, 2]", -8, ""), fp32(1, 2)).title());
        assertEquals("Wrong binary size", refused(header("[1, 2]", 8, "").replace("8}", "8.5}"), fp32(1, 2)).title());
    }

    @Test
    void otherDatatypesMissingHeaderAndNonFiniteValuesAreRefused() {
        for (String datatype : new String[] {"FP16", "INT32", "NOPE"}) {
            InvalidInputException wrongType = refused(header("[1, 2]", 8, "").replace("FP32", datatype), fp32(1, 2));
            assertEquals("Wrong datatype", wrongType.title(), datatype);
        }
        byte[] withoutHeader = body(header("[1, 2]", 8, ""), fp32(1, 2));
        assertEquals("Malformed JSON", assertThrows(InvalidInputException.class, () -> read(withoutHeader, null)).title(),
                "without Inference-Header-Content-Length the binary bytes are read as JSON");
        String sizeWithoutBytes = header("[1, 2]", 8, "");
        assertEquals("Missing binary data", assertThrows(InvalidInputException.class,
                () -> read(sizeWithoutBytes.getBytes(StandardCharsets.UTF_8), null)).title());
        InvalidInputException nan = refused(header("[2, 2]", 16, ""), fp32(1, 2, 3, Float.NaN));
        assertEquals("Non-finite value", nan.title());
        assertEquals(2, nan.row());
        assertEquals(2, nan.column());
        assertEquals("Non-finite value", refused(header("[1, 2]", 8, ""), fp32(Float.NEGATIVE_INFINITY, 2)).title());
        assertEquals("Empty batch", refused(header("[0, 2]", 0, ""), new byte[0]).title());
        assertEquals(413, refused(header("[11, 2]", 88, ""), fp32(new float[22])).status());
    }
}
