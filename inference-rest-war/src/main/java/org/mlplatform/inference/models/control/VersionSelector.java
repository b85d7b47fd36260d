package org.mlplatform.inference.models.control;

import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;

/**
 * Which version a request wants, with Triton / TensorFlow Serving semantics: a number, an alias
 * such as {@code production}, or the latest loaded version when none is given.
 */
public record VersionSelector(Integer number, String alias) {

    public static final VersionSelector LATEST = new VersionSelector(null, null);

    /**
     * @param requested a version number, an alias name, or null/blank for the latest
     * @throws IllegalArgumentException when the text is neither a positive number nor an alias name
     */
    public static VersionSelector parse(String requested) {
        if (requested == null || requested.isBlank()) {
            return LATEST;
        }
        String text = requested.strip();
        if (text.matches("[0-9]{1,9}")) {
            int number = Integer.parseInt(text);
            if (number < 1) {
                throw new IllegalArgumentException("version must be a positive integer, got " + text);
            }
            return new VersionSelector(number, null);
        }
        if (text.matches("[A-Za-z][A-Za-z0-9_-]{0,63}")) {
            return new VersionSelector(null, text);
        }
        throw new IllegalArgumentException("version must be a positive integer or an alias such as 'production', got '" + text + "'");
    }

    /** The loaded version this selector names, if any. */
    public Optional<Integer> resolve(NavigableSet<Integer> loaded, Map<String, Integer> aliases) {
        if (number != null) {
            return loaded.contains(number) ? Optional.of(number) : Optional.empty();
        }
        if (alias != null) {
            Integer target = aliases.get(alias);
            return target != null && loaded.contains(target) ? Optional.of(target) : Optional.empty();
        }
        return loaded.isEmpty() ? Optional.empty() : Optional.of(loaded.last());
    }

    @Override
    public String toString() {
        return number != null ? number.toString() : alias != null ? alias : "latest";
    }
}
