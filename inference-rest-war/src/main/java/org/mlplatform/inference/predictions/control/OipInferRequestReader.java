package org.mlplatform.inference.predictions.control;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;

/**
 * Reads an OIP infer request: one FP32 input tensor of shape [N, F] whose {@code data} is
 * row-major, flat or nested; optional {@code id}; optional {@code outputs} filter.
 */
public class OipInferRequestReader {

    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());
    private static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());
    /** An infer request is nested 4 levels deep at most (data as [[...]]); leaves room for extensions' parameters. */
    static final int MAX_DEPTH = 32;

    private final RequestLimits limits;

    public OipInferRequestReader(RequestLimits limits) {
        this.limits = limits;
    }

    public OipInferRequest read(InputStream body, String inputName, int featureCount, Set<String> knownOutputs) {
        JsonObject request;
        try (JsonParser parser = PARSERS.createParser(new BoundedInputStream(body, limits))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw InvalidInputException.badRequest("Malformed JSON", "the body is not a JSON object");
            }
            request = readObject(parser, 1);
            // JSON-P's parser refuses anything but white space after the document here
            if (parser.hasNext()) {
                throw InvalidInputException.badRequest("Malformed JSON", "the body holds more than one JSON document");
            }
        } catch (JsonParsingException e) {
            JsonLocation where = e.getLocation();
            throw InvalidInputException.badRequest("Malformed JSON", "the body is not valid JSON at line " + where.getLineNumber()
                    + ", column " + where.getColumnNumber() + ": " + e.getMessage());
        } catch (JsonException e) {
            throw InvalidInputException.badRequest("Malformed JSON", "the body cannot be read as JSON: " + e.getMessage());
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
        if (shape.size() != 2 || dimension(shape.get(1)) != featureCount || dimension(shape.get(0)) < 0) {
            throw InvalidInputException.badRequest("Wrong shape", "input shape must be [N, " + featureCount + "] with N an integer from 0 to "
                    + Integer.MAX_VALUE + ", got " + shape);
        }
        long rows = dimension(shape.get(0));
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

    /**
     * Builds the request tree from the stream, refusing what JSON-P's reader would guess at: a member
     * given twice (it keeps the last), and nesting beyond {@link #MAX_DEPTH} (its own limit of 1,000
     * fails with a bare RuntimeException, and deep recursion costs stack).
     */
    private static JsonObject readObject(JsonParser parser, int depth) {
        JsonObjectBuilder object = BUILDERS.createObjectBuilder();
        Set<String> members = new HashSet<>();
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
            String name = parser.getString();
            if (!members.add(name)) {
                throw InvalidInputException.badRequest("Duplicate member",
                        "the member \"" + name + "\" appears more than once; which one is meant would be a guess");
            }
            object.add(name, readValue(parser, parser.next(), depth));
        }
        return object.build();
    }

    private static JsonValue readValue(JsonParser parser, JsonParser.Event event, int depth) {
        if (event == JsonParser.Event.START_OBJECT || event == JsonParser.Event.START_ARRAY) {
            if (depth >= MAX_DEPTH) {
                throw InvalidInputException.badRequest("Malformed request",
                        "the request is nested deeper than " + MAX_DEPTH + " levels; an infer request needs 4");
            }
            if (event == JsonParser.Event.START_OBJECT) {
                return readObject(parser, depth + 1);
            }
            JsonArrayBuilder array = BUILDERS.createArrayBuilder();
            for (JsonParser.Event element = parser.next(); element != JsonParser.Event.END_ARRAY; element = parser.next()) {
                array.add(readValue(parser, element, depth + 1));
            }
            return array.build();
        }
        return parser.getValue();
    }

    /**
     * A shape member as the integer it is, or -1 when it is not an integer from 0 to 2^31-1: 1.5 or
     * 2^32+1 would otherwise be truncated into a valid-looking dimension. 1.0 and 1e1 are integers.
     */
    private static long dimension(JsonValue value) {
        if (!(value instanceof JsonNumber number)) {
            return -1;
        }
        BigDecimal exact = number.bigDecimalValue();
        if (exact.signum() < 0 || exact.compareTo(MAX_DIMENSION) > 0 || exact.stripTrailingZeros().scale() > 0) {
            return -1;
        }
        return exact.longValueExact();
    }

    private static final BigDecimal MAX_DIMENSION = BigDecimal.valueOf(Integer.MAX_VALUE);

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
