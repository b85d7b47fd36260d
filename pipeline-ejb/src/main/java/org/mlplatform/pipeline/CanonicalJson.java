package org.mlplatform.pipeline;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.TreeMap;

/**
 * One text per JSON value, for hashing: no white space, object members sorted by name (in UTF-16
 * code unit order, as RFC 8785 sorts them), strings escaped as JSON-P escapes them, and numbers in
 * a fixed form: integral values as integers ({@code 1.0} is {@code 1}), others as Java's shortest
 * decimal for the {@code double} with a lower-case exponent and no {@code .0} before it
 * ({@code 1e-8}, {@code 0.25}, {@code 1.5e+30}). Equal values give equal text whatever the member
 * order or number spelling of the input.
 */
public final class CanonicalJson {

    /** Integral values below this are written out as integers; beyond it in exponent form. */
    private static final double LARGEST_PLAIN_INTEGER = 1e21;

    private CanonicalJson() {
    }

    public static String write(JsonValue value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(JsonValue value, StringBuilder out) {
        switch (value.getValueType()) {
            case OBJECT -> {
                out.append('{');
                boolean first = true;
                for (var member : new TreeMap<>((JsonObject) value).entrySet()) {
                    out.append(first ? "" : ",").append(Json.createValue(member.getKey())).append(':');
                    write(member.getValue(), out);
                    first = false;
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                boolean first = true;
                for (JsonValue element : (JsonArray) value) {
                    out.append(first ? "" : ",");
                    write(element, out);
                    first = false;
                }
                out.append(']');
            }
            case STRING -> out.append(Json.createValue(((JsonString) value).getString()));
            case NUMBER -> out.append(number(((JsonNumber) value).bigDecimalValue()));
            default -> out.append(value);
        }
    }

    static String number(BigDecimal value) {
        double number = value.doubleValue();
        if (Double.isInfinite(number)) {
            throw new IllegalArgumentException("no JSON number: " + value);
        }
        if (number == Math.rint(number) && Math.abs(number) < LARGEST_PLAIN_INTEGER) {
            return new BigDecimal(number).toBigInteger().toString();
        }
        String text = Double.toString(number).toLowerCase(Locale.ROOT);
        int exponent = text.indexOf('e');
        if (exponent < 0) {
            return text;
        }
        String mantissa = text.substring(0, exponent);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        String power = text.substring(exponent + 1);
        return mantissa + "e" + (power.startsWith("-") ? power : "+" + power);
    }
}
