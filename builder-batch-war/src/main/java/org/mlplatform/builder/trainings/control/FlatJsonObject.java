package org.mlplatform.builder.trainings.control;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import org.mlplatform.builder.problems.control.ProblemTypes;

import java.io.StringReader;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a request body that must be one JSON object of scalar members (strings, numbers, booleans,
 * null), as the builder's requests are. It reads the body as a stream of events and refuses, with
 * {@link MalformedBodyException}, what a tree reader would accept or choke on:
 * <ul>
 *   <li>a member whose value is an array or object (the problem names the member): refused at its
 *       first bracket, so a value nested ten thousand levels deep costs one event, not a stack overflow;</li>
 *   <li>a member given twice (a tree reader keeps the last one silently);</li>
 *   <li>anything but white space after the object (trailing garbage, a second document).</li>
 * </ul>
 */
public final class FlatJsonObject {

    private FlatJsonObject() {
    }

    /**
     * The members in the order given.
     *
     * @param field what the problem names: {@code body}, or a multipart part's name
     */
    public static Map<String, JsonValue> read(String json, String field) {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        try (JsonParser parser = Json.createParser(new StringReader(json == null ? "" : json))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new MalformedBodyException(ProblemTypes.MALFORMED_JSON, field, "the " + what(field) + " must be one JSON object");
            }
            while (true) {
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.END_OBJECT) {
                    break;
                }
                String key = parser.getString();
                JsonParser.Event value = parser.next();
                if (value == JsonParser.Event.START_ARRAY || value == JsonParser.Event.START_OBJECT) {
                    throw new MalformedBodyException(ProblemTypes.MALFORMED_REQUEST, key, "member " + key + " must be a string or a number, not "
                            + (value == JsonParser.Event.START_ARRAY ? "an array" : "an object"));
                }
                JsonValue scalar;
                try {
                    scalar = parser.getValue();
                } catch (NumberFormatException | ArithmeticException e) {
                    throw new MalformedBodyException(ProblemTypes.MALFORMED_REQUEST, key, "member " + key + " holds a number beyond what can be read");
                }
                if (members.putIfAbsent(key, scalar) != null) {
                    throw new MalformedBodyException(ProblemTypes.DUPLICATE_MEMBER, field, "member " + key + " is given twice");
                }
            }
            if (parser.hasNext()) {
                throw new MalformedBodyException(ProblemTypes.MALFORMED_JSON, field, "the " + what(field)
                        + " has more content after its JSON object; send exactly one object");
            }
        } catch (JsonParsingException e) {
            throw new MalformedBodyException(ProblemTypes.MALFORMED_JSON, field, "the " + what(field) + " is not valid JSON: " + e.getMessage());
        } catch (jakarta.json.JsonException | java.util.NoSuchElementException e) {
            throw new MalformedBodyException(ProblemTypes.MALFORMED_JSON, field, "the " + what(field) + " is not valid JSON: it ends too early");
        }
        return Collections.unmodifiableMap(members);
    }

    private static String what(String field) {
        return "body".equals(field) ? "request body" : "part " + field;
    }
}
