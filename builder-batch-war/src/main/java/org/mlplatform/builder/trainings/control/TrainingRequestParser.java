package org.mlplatform.builder.trainings.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import org.mlplatform.pipeline.options.TrainingOption;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a training request, the JSON object that the REST body and the JMS message carry, into job
 * parameters. Values may be JSON strings or numbers; {@code null} means "use the default". The
 * document must be exactly one object without nested values or repeated members ({@link FlatJsonObject}).
 */
public final class TrainingRequestParser {

    private TrainingRequestParser() {
    }

    /** The job parameters of a request body. */
    public static Map<String, String> parse(String json) {
        return parse(json, "body");
    }

    /**
     * The job parameters of a JSON document that must be one flat object ({@link FlatJsonObject}).
     *
     * @param field what a malformed document is reported as: {@code body} or the multipart part's name
     */
    public static Map<String, String> parse(String json, String field) {
        Map<String, String> parameters = new LinkedHashMap<>();
        FlatJsonObject.read(json, field).forEach((key, value) -> {
            requireKnown(key);
            switch (value.getValueType()) {
                case STRING -> parameters.put(key, ((JsonString) value).getString());
                case NUMBER -> parameters.put(key, number(key, (JsonNumber) value));
                case NULL -> { }
                default -> throw new InvalidRequestException(key, key + " must be a string or a number");
            }
        });
        return parameters;
    }

    /** Digits of the longest integer written out; a larger one stays in the exponent form it came in. */
    private static final int LONG_DIGITS = 19;

    /** Integral numbers without a fraction ({@code 5.0} is {@code 5}), others as written. */
    private static String number(String key, JsonNumber number) {
        BigDecimal value;
        try {
            value = number.bigDecimalValue().stripTrailingZeros();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidRequestException(key, key + " is out of range: " + number);
        }
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
        if (TrainingOption.byKey(key).isEmpty()) {
            throw new InvalidRequestException(key, "unknown option " + key);
        }
    }
}
