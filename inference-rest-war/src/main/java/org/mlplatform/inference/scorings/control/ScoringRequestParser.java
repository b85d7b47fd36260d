package org.mlplatform.inference.scorings.control;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

/**
 * Turns the JSON of {@code POST /api/scorings} (or of a JMS message) into job parameters: strings,
 * numbers and booleans become their text, {@code null} is left out.
 */
public final class ScoringRequestParser {

    private ScoringRequestParser() {
    }

    public static Map<String, String> parse(String body) {
        JsonObject object;
        try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            object = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw ScoringException.invalid("body", "the body must be a JSON object of job parameters: " + e.getMessage());
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        object.forEach((key, value) -> {
            switch (value.getValueType()) {
                case STRING -> parameters.put(key, ((JsonString) value).getString());
                case NUMBER, TRUE, FALSE -> parameters.put(key, value.toString());
                case NULL -> {
                }
                default -> throw ScoringException.invalid(key, key + " must be a string, number or boolean, got " + value.getValueType()
                        .name().toLowerCase(java.util.Locale.ROOT));
            }
        });
        return parameters;
    }
}
