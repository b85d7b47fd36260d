package org.mlplatform.inference.predictions.control;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;

/**
 * Reads an OIP infer request: one FP32 input tensor of shape [N, F] whose {@code data} is
 * row-major, flat or nested; optional {@code id}; optional {@code outputs} filter.
 */
public class OipInferRequestReader {

    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private final RequestLimits limits;

    public OipInferRequestReader(RequestLimits limits) {
        this.limits = limits;
    }

    public OipInferRequest read(InputStream body, String inputName, int featureCount, Set<String> knownOutputs) {
        JsonObject request;
        try (JsonReader reader = READERS.createReader(new BoundedInputStream(body, limits))) {
            request = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw InvalidInputException.badRequest("Malformed JSON", "the body is not a JSON object: " + e.getMessage());
        }
        try {
            return toRequest(request, inputName, featureCount, knownOutputs);
        } catch (ClassCastException | NullPointerException e) {
            throw InvalidInputException.badRequest("Malformed request", "the infer request does not follow the Open Inference Protocol: "
                    + "expected {\"inputs\": [{\"name\", \"shape\", \"datatype\", \"data\"}]}");
        }
    }

    private OipInferRequest toRequest(JsonObject request, String inputName, int featureCount, Set<String> knownOutputs) {
        String id = request.containsKey("id") ? request.getString("id") : null;
        JsonArray inputs = request.getJsonArray("inputs");
        if (inputs == null || inputs.size() != 1) {
            throw InvalidInputException.badRequest("Wrong inputs", "the model takes exactly one input tensor '" + inputName + "'");
        }
        JsonObject input = inputs.getJsonObject(0);
        if (!inputName.equals(input.getString("name"))) {
            throw InvalidInputException.badRequest("Unknown input", "input '" + input.getString("name") + "' is not the model's input '" + inputName + "'");
        }
        if (!"FP32".equals(input.getString("datatype"))) {
            throw InvalidInputException.badRequest("Wrong datatype", "input datatype must be FP32, got " + input.getString("datatype"));
        }
        JsonArray shape = input.getJsonArray("shape");
        if (shape.size() != 2 || shape.getJsonNumber(1).longValue() != featureCount || shape.getJsonNumber(0).longValue() < 0) {
            throw InvalidInputException.badRequest("Wrong shape", "input shape must be [N, " + featureCount + "], got " + shape);
        }
        long rows = shape.getJsonNumber(0).longValue();
        if (rows > limits.maxRows()) {
            throw limits.tooManyRows();
        }
        List<JsonValue> data = new ArrayList<>();
        flatten(input.getJsonArray("data"), data);
        if (data.size() != rows * featureCount) {
            throw InvalidInputException.badRequest("Wrong shape", "input data holds " + data.size() + " values, shape " + shape
                    + " needs " + rows * featureCount);
        }
        FeatureValues values = new FeatureValues(featureCount, limits);
        for (int row = 0; row < rows; row++) {
            values.startRow();
            for (int column = 0; column < featureCount; column++) {
                if (!(data.get(row * featureCount + column) instanceof JsonNumber number)) {
                    throw InvalidInputException.at("Non-numeric value", "row " + (row + 1) + ", column " + (column + 1)
                            + " is not a number", row + 1, column + 1);
                }
                values.add(number.toString());
            }
            values.endRow();
        }
        return new OipInferRequest(id, values.toMatrix(), requestedOutputs(request, knownOutputs));
    }

    private static Set<String> requestedOutputs(JsonObject request, Set<String> knownOutputs) {
        Set<String> names = new LinkedHashSet<>();
        JsonArray outputs = request.getJsonArray("outputs");
        if (outputs == null) {
            return names;
        }
        for (JsonValue output : outputs) {
            String name = output.asJsonObject().getString("name");
            if (!knownOutputs.contains(name)) {
                throw InvalidInputException.badRequest("Unknown output", "output '" + name + "' is not one of " + knownOutputs);
            }
            names.add(name);
        }
        return names;
    }

    /** Row-major order whether the client sent flat or nested data. */
    private static void flatten(JsonArray data, List<JsonValue> into) {
        for (JsonValue element : data) {
            if (element instanceof JsonArray nested) {
                flatten(nested, into);
            } else {
                into.add(element);
            }
        }
    }
}
