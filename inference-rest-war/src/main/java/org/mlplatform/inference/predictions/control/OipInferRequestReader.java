package org.mlplatform.inference.predictions.control;

import java.io.ByteArrayInputStream;
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
 * row-major, flat or nested, or, with the binary tensor data extension (Triton's
 * {@code Inference-Header-Content-Length}), {@code parameters.binary_data_size} bytes of raw
 * little-endian FP32 after the JSON; optional {@code id}; optional {@code outputs} filter, each
 * output optionally asked for as binary ({@code parameters.binary_data}, or the request's
 * {@code parameters.binary_data_output}).
 */
public class OipInferRequestReader {

    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());
    private static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());
    /** An infer request is nested 4 levels deep at most (data as [[...]]); leaves room for extensions' parameters. */
    static final int MAX_DEPTH = 32;
    static final String BINARY_DATA_SIZE = "binary_data_size";
    static final String BINARY_DATA = "binary_data";
    static final String BINARY_DATA_OUTPUT = "binary_data_output";

    private final RequestLimits limits;

    public OipInferRequestReader(RequestLimits limits) {
        this.limits = limits;
    }

    public OipInferRequest read(InputStream body, String inputName, int featureCount, Set<String> knownOutputs) {
        return read(body, null, -1, inputName, featureCount, knownOutputs);
    }

    /**
     * @param jsonLength    the Inference-Header-Content-Length header (binary tensor data extension): the JSON
     *                      request is that many bytes, binary tensor data follows it; null for a JSON-only body
     * @param contentLength the Content-Length, or -1
     */
    public OipInferRequest read(InputStream body, Long jsonLength, long contentLength, String inputName, int featureCount,
                                Set<String> knownOutputs) {
        if (jsonLength == null) {
            return toRequest(parse(new BoundedInputStream(body, limits)), null, inputName, featureCount, knownOutputs);
        }
        RequestBytes bytes = RequestBytes.read(body, limits, contentLength);
        if (jsonLength < 0 || jsonLength > bytes.length()) {
            throw InvalidInputException.badRequest("Wrong header length", "Inference-Header-Content-Length is " + jsonLength
                    + ", the body holds " + bytes.length() + " bytes");
        }
        int jsonEnd = (int) (long) jsonLength;
        JsonObject request = parse(new ByteArrayInputStream(bytes.data(), 0, jsonEnd));
        BinaryTensorData binary = new BinaryTensorData(bytes.data(), jsonEnd, bytes.length());
        OipInferRequest read = toRequest(request, binary, inputName, featureCount, knownOutputs);
        binary.checkAllRead();
        return read;
    }

    private JsonObject parse(InputStream json) {
        JsonObject request;
        try (JsonParser parser = PARSERS.createParser(json)) {
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
        return request;
    }

    private OipInferRequest toRequest(JsonObject request, BinaryTensorData binary, String inputName, int featureCount,
                                      Set<String> knownOutputs) {
        try {
            return readRequest(request, binary, inputName, featureCount, knownOutputs);
        } catch (ClassCastException | NullPointerException e) {
            throw InvalidInputException.badRequest("Malformed request", "the infer request does not follow the Open Inference Protocol: "
                    + "expected {\"inputs\": [{\"name\", \"shape\", \"datatype\", \"data\"}]}");
        }
    }

    private OipInferRequest readRequest(JsonObject request, BinaryTensorData binary, String inputName, int featureCount,
                                        Set<String> knownOutputs) {
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
        JsonObject parameters = input.getJsonObject("parameters");
        FeatureMatrix features;
        if (parameters != null && parameters.containsKey(BINARY_DATA_SIZE)) {
            features = binaryFeatures(input, parameters, binary, (int) rows, featureCount);
        } else {
            features = jsonFeatures(input, (int) rows, featureCount);
        }
        Set<String> requested = requestedOutputs(request, knownOutputs);
        return new OipInferRequest(id, features, requested, binaryOutputs(request, knownOutputs));
    }

    private FeatureMatrix jsonFeatures(JsonObject input, int rows, int featureCount) {
        JsonArray shape = input.getJsonArray("shape");
        List<JsonValue> data = new ArrayList<>();
        flatten(input.getJsonArray("data"), data);
        if (data.size() != (long) rows * featureCount) {
            throw InvalidInputException.badRequest("Wrong shape", "input data holds " + data.size() + " values, shape " + shape
                    + " needs " + (long) rows * featureCount);
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
        return values.toMatrix();
    }

    /** The input's rows as raw little-endian FP32 after the JSON header: exactly rows x features x 4 bytes. */
    private static FeatureMatrix binaryFeatures(JsonObject input, JsonObject parameters, BinaryTensorData binary, int rows, int featureCount) {
        String name = input.getString("name");
        if (binary == null) {
            throw InvalidInputException.badRequest("Missing binary data", "input '" + name + "' has parameters.binary_data_size, "
                    + "but the request has no Inference-Header-Content-Length header telling where its JSON ends");
        }
        if (input.containsKey("data")) {
            throw InvalidInputException.badRequest("Malformed request", "input '" + name + "' has both data and parameters.binary_data_size");
        }
        long size = dimension(parameters.get(BINARY_DATA_SIZE), Long.MAX_VALUE);
        long expected = (long) rows * featureCount * Float.BYTES;
        if (size != expected) {
            throw InvalidInputException.badRequest("Wrong binary size", "input '" + name + "': binary_data_size is "
                    + parameters.get(BINARY_DATA_SIZE) + ", shape " + input.getJsonArray("shape") + " of FP32 needs " + expected + " bytes");
        }
        if (rows == 0) {
            throw InvalidInputException.badRequest("Empty batch", "the request holds no rows");
        }
        float[] values = binary.floats(name, rows * featureCount, featureCount);
        return new FeatureMatrix(values, rows, featureCount);
    }

    /** Outputs asked for as binary: {@code binary_data} on the output, else the request's {@code binary_data_output}. */
    private static Set<String> binaryOutputs(JsonObject request, Set<String> knownOutputs) {
        JsonObject parameters = request.getJsonObject("parameters");
        boolean all = parameters != null && parameters.getBoolean(BINARY_DATA_OUTPUT, false);
        Set<String> binary = new HashSet<>();
        if (all) {
            binary.addAll(knownOutputs);
        }
        JsonArray outputs = request.getJsonArray("outputs");
        if (outputs != null) {
            for (JsonValue output : outputs) {
                JsonObject outputParameters = output.asJsonObject().getJsonObject("parameters");
                if (outputParameters != null && outputParameters.containsKey(BINARY_DATA)) {
                    String name = output.asJsonObject().getString("name");
                    if (outputParameters.getBoolean(BINARY_DATA)) {
                        binary.add(name);
                    } else {
                        binary.remove(name);
                    }
                }
            }
        }
        return binary;
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
        return dimension(value, Integer.MAX_VALUE);
    }

    /** An integer from 0 to {@code max}, or -1. */
    private static long dimension(JsonValue value, long max) {
        if (!(value instanceof JsonNumber number)) {
            return -1;
        }
        BigDecimal exact = number.bigDecimalValue();
        if (exact.signum() < 0 || exact.compareTo(BigDecimal.valueOf(max)) > 0 || exact.stripTrailingZeros().scale() > 0) {
            return -1;
        }
        return exact.longValueExact();
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
