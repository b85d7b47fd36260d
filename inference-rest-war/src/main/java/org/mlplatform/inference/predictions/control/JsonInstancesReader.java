package org.mlplatform.inference.predictions.control;

import java.io.InputStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;

/**
 * Reads {@code {"instances": [[f1, ..., fF], ...]}} into a {@link FeatureMatrix}, without building a
 * JSON tree. Other top-level members are ignored; a member given twice and anything after the
 * document are refused.
 * <p>
 * The body is scanned as bytes first ({@link InstancesScanner}: numbers parsed in place by
 * fastdoubleparser, no String per value); whatever that scan does not accept, from another member
 * to a malformed number, is read again by JSON-P's streaming parser, which then answers exactly as
 * it always did, with the same value or the same error naming row and column.
 */
public class JsonInstancesReader {

    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    private final RequestLimits limits;

    public JsonInstancesReader(RequestLimits limits) {
        this.limits = limits;
    }

    public FeatureMatrix read(InputStream body, int featureCount) {
        return read(body, featureCount, -1);
    }

    /** @param contentLength the body's Content-Length, or -1: the body is read into an array of that size at once */
    public FeatureMatrix read(InputStream body, int featureCount, long contentLength) {
        RequestBytes bytes = RequestBytes.read(body, limits, contentLength);
        FeatureMatrix scanned = new InstancesScanner(bytes.data(), bytes.length(), featureCount, limits.maxRows()).scan();
        return scanned != null ? scanned : readWithParser(bytes.stream(), featureCount);
    }

    /** The JSON-P reading, for what the scanner leaves to it (and for tests comparing the two). */
    FeatureMatrix readWithParser(InputStream body, int featureCount) {
        try (JsonParser parser = PARSERS.createParser(new BoundedInputStream(body, limits))) {
            return readDocument(parser, featureCount);
        } catch (JsonParsingException e) {
            JsonLocation where = e.getLocation();
            throw InvalidInputException.badRequest("Malformed JSON",
                    "the body is not valid JSON at line " + where.getLineNumber() + ", column " + where.getColumnNumber()
                            + ": " + e.getMessage());
        } catch (JsonException e) {
            throw InvalidInputException.badRequest("Malformed JSON", "the body cannot be read as JSON: " + e.getMessage());
        }
    }

    private FeatureMatrix readDocument(JsonParser parser, int featureCount) {
        if (!parser.hasNext() || parser.next() != Event.START_OBJECT) {
            throw expectedInstances();
        }
        FeatureMatrix matrix = null;
        Set<String> members = new HashSet<>();
        while (parser.hasNext()) {
            Event event = parser.next();
            if (event == Event.END_OBJECT) {
                break;
            }
            String member = parser.getString();
            if (!members.add(member)) {
                throw InvalidInputException.badRequest("Duplicate member",
                        "the member \"" + member + "\" appears more than once; which one is meant would be a guess");
            }
            Event value = parser.next();
            if ("instances".equals(member)) {
                if (value != Event.START_ARRAY) {
                    throw expectedInstances();
                }
                matrix = readRows(parser, featureCount);
            } else if (value == Event.START_OBJECT) {
                parser.skipObject();
            } else if (value == Event.START_ARRAY) {
                parser.skipArray();
            }
        }
        if (matrix == null) {
            throw expectedInstances();
        }
        // JSON-P's parser refuses anything but white space after the document here
        if (parser.hasNext()) {
            throw InvalidInputException.badRequest("Malformed JSON", "the body holds more than one JSON document");
        }
        return matrix;
    }

    private FeatureMatrix readRows(JsonParser parser, int featureCount) {
        FeatureValues values = new FeatureValues(featureCount, limits);
        for (Event event = parser.next(); event != Event.END_ARRAY; event = parser.next()) {
            int row = values.rows() + 1;
            if (event != Event.START_ARRAY) {
                throw InvalidInputException.at("Invalid row", "instance " + row + " is not an array of " + featureCount + " numbers", row, null);
            }
            values.startRow();
            for (Event cell = parser.next(); cell != Event.END_ARRAY; cell = parser.next()) {
                if (cell != Event.VALUE_NUMBER) {
                    int column = values.column() + 1;
                    throw InvalidInputException.at("Non-numeric value",
                            "row " + row + ", column " + column + " is not a number (" + describe(cell) + ")", row, column);
                }
                values.add(parser.getString());
            }
            values.endRow();
        }
        return values.toMatrix();
    }

    private static String describe(Event event) {
        return switch (event) {
            case VALUE_STRING -> "a string";
            case VALUE_NULL -> "null";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            default -> event.name();
        };
    }

    private static InvalidInputException expectedInstances() {
        return InvalidInputException.badRequest("Malformed request",
                "expected a JSON object {\"instances\": [[...], ...]} with one array of numbers per row");
    }
}
