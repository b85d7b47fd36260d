package org.mlplatform.inference.predictions.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.mlplatform.inference.models.entity.Predictions;
import org.mlplatform.inference.predictions.control.FeatureMatrix;
import org.mlplatform.inference.predictions.control.OipInferRequest;

class PredictionDocumentsTest {

    private static Predictions random(int rows, long seed) {
        Random random = new Random(seed);
        long[] labels = new long[rows];
        float[] probabilities = new float[rows * 2];
        for (int row = 0; row < rows; row++) {
            labels[row] = random.nextInt(2);
            probabilities[2 * row] = random.nextFloat();
            probabilities[2 * row + 1] = 1 - probabilities[2 * row];
        }
        return new Predictions(rows, labels, null, probabilities, 2);
    }

    @Test
    void predictionsAreTheJsonTextFloatToStringWrites() {
        Predictions predictions = random(500, 3);
        StringBuilder expected = new StringBuilder("{\"model\":\"d\\u00e9fault \\\"x\\\"\",\"version\":7,\"predictions\":[");
        for (int row = 0; row < 500; row++) {
            expected.append(row > 0 ? "," : "").append(predictions.intLabels()[row]);
        }
        expected.append("],\"probabilities\":[");
        for (int row = 0; row < 500; row++) {
            expected.append(row > 0 ? ",[" : "[").append(Float.toString(predictions.probabilities()[2 * row])).append(',')
                    .append(Float.toString(predictions.probabilities()[2 * row + 1])).append(']');
        }
        expected.append("]}");
        String written = new String(PredictionDocuments.predictions("d\u00e9fault \"x\"", 7, predictions), StandardCharsets.UTF_8);
        JsonObject parsed = Json.createReader(new StringReader(written)).readObject();
        assertEquals("d\u00e9fault \"x\"", parsed.getString("model"));
        assertEquals(Json.createReader(new StringReader(expected.toString().replace("\\u00e9", "\u00e9"))).readObject(), parsed);
        assertTrue(written.endsWith(expected.substring(expected.indexOf(",\"version\""))));
    }

    /** Triton's layout: the JSON, then each binary output's bytes in output order, little-endian, sizes in binary_data_size. */
    @Test
    void binaryOutputsFollowTheJsonInOutputOrder() {
        Predictions predictions = random(3, 5);
        OipInferRequest request = new OipInferRequest("r", new FeatureMatrix(new float[6], 3, 2), Set.of(), Set.of("label", "probabilities"));
        PredictionDocuments.OipResponse response = PredictionDocuments.oipResponse("m", 1, request, predictions);
        assertTrue(response.binary());
        byte[] body = response.body();
        JsonObject json = Json.createReader(new StringReader(new String(body, 0, response.jsonLength(), StandardCharsets.UTF_8))).readObject();
        assertEquals(24, json.getJsonArray("outputs").getJsonObject(0).getJsonObject("parameters").getInt("binary_data_size"));
        assertEquals(24, json.getJsonArray("outputs").getJsonObject(1).getJsonObject("parameters").getInt("binary_data_size"));
        assertFalse(json.getJsonArray("outputs").getJsonObject(1).containsKey("data"));
        assertEquals(response.jsonLength() + 48, body.length);
        int at = response.jsonLength();
        for (int row = 0; row < 3; row++) {
            long label = 0;
            for (int b = 7; b >= 0; b--) {
                label = (label << 8) | (body[at + 8 * row + b] & 0xFF);
            }
            assertEquals(predictions.intLabels()[row], label);
        }
        at += 24;
        for (int i = 0; i < 6; i++) {
            int bits = (body[at + 4 * i] & 0xFF) | (body[at + 4 * i + 1] & 0xFF) << 8 | (body[at + 4 * i + 2] & 0xFF) << 16
                    | (body[at + 4 * i + 3] & 0xFF) << 24;
            assertEquals(Float.floatToRawIntBits(predictions.probabilities()[i]), bits);
        }
        OipInferRequest jsonOnly = new OipInferRequest(null, request.features(), Set.of(), Set.of());
        PredictionDocuments.OipResponse plain = PredictionDocuments.oipResponse("m", 1, jsonOnly, predictions);
        assertFalse(plain.binary());
        assertEquals(plain.body().length, plain.jsonLength());
    }
}
