package org.mlplatform.builder.models.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import org.mlplatform.builder.trainings.control.FlatJsonObject;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Reads the body of {@code PUT .../aliases/{alias}}: exactly {@code {"version": <n>}} with n a
 * positive integer that fits a version number. A fraction ({@code 1.5}) or a number beyond the range
 * ({@code 4294967297}) is refused rather than cut to an integer.
 */
public final class AliasRequestParser {

    static final String VERSION = "version";

    private AliasRequestParser() {
    }

    public static int version(String body) {
        Map<String, JsonValue> members = FlatJsonObject.read(body, "body");
        for (String key : members.keySet()) {
            if (!VERSION.equals(key)) {
                throw RegistryException.invalid(key, "unknown member " + key + "; the body is {\"version\": <n>}");
            }
        }
        JsonValue value = members.get(VERSION);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw RegistryException.invalid(VERSION, "version is required: the body is {\"version\": <n>}");
        }
        if (value.getValueType() != JsonValue.ValueType.NUMBER) {
            throw RegistryException.invalid(VERSION, "version must be a number, got " + value);
        }
        BigDecimal number;
        try {
            number = ((JsonNumber) value).bigDecimalValue();
        } catch (NumberFormatException | ArithmeticException e) {
            throw outOfRange(value);
        }
        if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
            throw RegistryException.invalid(VERSION, "version must be an integer, got " + value);
        }
        if (number.compareTo(BigDecimal.ONE) < 0 || number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw outOfRange(value);
        }
        return number.intValue();
    }

    private static RegistryException outOfRange(JsonValue value) {
        return RegistryException.invalid(VERSION, "version must be from 1 to " + Integer.MAX_VALUE + ", got " + value);
    }
}
