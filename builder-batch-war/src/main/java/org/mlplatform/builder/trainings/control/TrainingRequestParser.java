package org.mlplatform.builder.trainings.control;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.mlplatform.builder.trainings.entity.JobParameter;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a training request, the JSON object that the REST body and the JMS message carry, into job
 * parameters. Values may be JSON strings or numbers; {@code null} means "use the default".
 */
public final class TrainingRequestParser {

    private TrainingRequestParser() {
    }

    public static Map<String, String> parse(String json) {
        JsonObject object;
        try (var reader = Json.createReader(new StringReader(json == null ? "" : json))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidRequestException("body", "the request must be a JSON object of job parameters");
            }
            object = value.asJsonObject();
        } catch (JsonException e) {
            throw new InvalidRequestException("body", "the request is not valid JSON: " + e.getMessage());
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        object.forEach((key, value) -> {
            requireKnown(key);
            switch (value.getValueType()) {
                case STRING -> parameters.put(key, ((JsonString) value).getString());
                case NUMBER -> parameters.put(key, number((JsonNumber) value));
                case NULL -> { }
                default -> throw new InvalidRequestException(key, key + " must be a string or a number");
            }
        });
        return parameters;
    }

    /** Digits of the longest integer written out; a larger one stays in the exponent form it came in. */
    private static final int LONG_DIGITS = 19;

    /** Integral numbers without a fraction ({@code 5.0} is {@code 5}), others as written. */
    private static String number(JsonNumber number) {
        BigDecimal value = number.bigDecimalValue().stripTrailingZeros();
        boolean integral = value.signum() == 0 || value.scale() <= 0;
        return integral && value.precision() - value.scale() <= LONG_DIGITS
                ? value.toBigIntegerExact().toString() : number.toString();
    }

    /** The given parameters (e.g. form fields or batch job parameters), refusing unknown names. */
    public static Map<String, String> checkNames(Map<String, String> fields) {
        fields.keySet().forEach(TrainingRequestParser::requireKnown);
        return fields;
    }

    public static void requireKnown(String key) {
        if (JobParameter.byKey(key).isEmpty()) {
            throw new InvalidRequestException(key, "unknown option " + key);
        }
    }
}
