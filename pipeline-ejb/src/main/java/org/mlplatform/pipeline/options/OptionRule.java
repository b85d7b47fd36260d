package org.mlplatform.pipeline.options;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the text of a training option may be and the value it stands for. Each rule says itself in
 * words ({@link #describe()}) for error messages and the README's option table.
 */
public sealed interface OptionRule {

    /** The value the text stands for; the text is trimmed and not empty. */
    Object parse(TrainingOption option, String text);

    /** Refuses a typed value (e.g. given in code) that the rule does not allow. */
    void check(TrainingOption option, Object value);

    String describe();

    /** A decimal number in a closed range. */
    record Decimal(double min, double max) implements OptionRule {

        @Override
        public Object parse(TrainingOption option, String text) {
            double value;
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new InvalidOptionException(option, text, "must be a number");
            }
            check(option, value, text);
            return value;
        }

        @Override
        public void check(TrainingOption option, Object value) {
            check(option, (Double) value, String.valueOf(value));
        }

        private void check(TrainingOption option, double value, String text) {
            if (!(value >= min && value <= max)) {
                throw new InvalidOptionException(option, text, "must be " + describe());
            }
        }

        @Override
        public String describe() {
            return "a number from " + min + " to " + max;
        }
    }

    /**
     * An integer in a closed range, written as digits: a fraction or an exponent is refused rather
     * than cut. {@code zeroToo} also allows 0 below a range that starts higher (no cross-validation).
     */
    record WholeNumber(long min, long max, boolean zeroToo) implements OptionRule {

        private static final Pattern DIGITS = Pattern.compile("[+-]?[0-9]+");

        @Override
        public Object parse(TrainingOption option, String text) {
            if (!DIGITS.matcher(text).matches()) {
                throw new InvalidOptionException(option, text, "must be an integer");
            }
            long value;
            try {
                value = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new InvalidOptionException(option, text, "must be " + describe());
            }
            check(option, value, text);
            return max <= Integer.MAX_VALUE ? (Object) (int) value : (Object) value;
        }

        @Override
        public void check(TrainingOption option, Object value) {
            check(option, ((Number) value).longValue(), String.valueOf(value));
        }

        private void check(TrainingOption option, long value, String text) {
            if (!(value >= min && value <= max || zeroToo && value == 0)) {
                throw new InvalidOptionException(option, text, "must be " + describe());
            }
        }

        @Override
        public String describe() {
            String range = min == Long.MIN_VALUE && max == Long.MAX_VALUE ? "a 64-bit integer"
                    : "an integer from " + min + " to " + max;
            return zeroToo ? "0 or " + range : range;
        }
    }

    /** One of an enum's constants, named in lower case (upper case is accepted too). */
    record Choice(Class<? extends Enum<?>> type) implements OptionRule {

        @Override
        public Object parse(TrainingOption option, String text) {
            for (Enum<?> constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(text)) {
                    return constant;
                }
            }
            throw new InvalidOptionException(option, text, "must be " + describe());
        }

        @Override
        public void check(TrainingOption option, Object value) {
            if (!type.isInstance(value)) {
                throw new InvalidOptionException(option, String.valueOf(value), "must be " + describe());
            }
        }

        @Override
        public String describe() {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> constant.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        }

        /** The name an option value has for this choice. */
        public static String nameOf(Enum<?> constant) {
            return constant.name().toLowerCase(Locale.ROOT);
        }
    }

    /** Text, matching a pattern when there is one. */
    record Text(Pattern pattern, String description) implements OptionRule {

        @Override
        public Object parse(TrainingOption option, String text) {
            check(option, text);
            return text;
        }

        @Override
        public void check(TrainingOption option, Object value) {
            if (pattern != null && !pattern.matcher((String) value).matches()) {
                throw new InvalidOptionException(option, (String) value, "must be " + describe());
            }
        }

        @Override
        public String describe() {
            return description;
        }
    }
}
