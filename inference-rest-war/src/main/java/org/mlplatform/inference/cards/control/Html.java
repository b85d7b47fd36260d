package org.mlplatform.inference.cards.control;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The few helpers the hand-written pages need. Every string that comes from metadata.json or the
 * repository (model names, feature names, class labels, file names) is user data and goes through
 * {@link #escape} before it reaches HTML or SVG text or an attribute.
 */
final class Html {

    private Html() {
    }

    /** Text and attribute values (double- or single-quoted) alike. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** One path segment of a URL (a model name, an alias), percent-encoded. */
    static String pathSegment(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A figure for people: fixed decimals, a dash when there is none. */
    static String number(Double value, int decimals) {
        if (value == null || value.isNaN()) {
            return "–";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** A coordinate in an SVG attribute: one decimal is below what a screen shows. */
    static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** A label shortened for a chart axis (the full text goes into the element's title). */
    static String shortened(String label, int maxLength) {
        return label.length() <= maxLength ? label : label.substring(0, maxLength - 1) + "…";
    }
}
