package org.mlplatform.inference.it;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

/** The metric names the PromQL expressions of a Grafana dashboard JSON refer to. */
final class DashboardMetrics {

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*\\}");
    private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*\\]");
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)");

    private DashboardMetrics() {
    }

    /** The repository's dashboard (docs/grafana/model-platform.json). */
    static Path dashboard() {
        return Path.of(System.getProperty("reference.dir", "../reference")).toAbsolutePath().getParent()
                .resolve("docs/grafana/model-platform.json");
    }

    static Set<String> of(Path dashboard) throws IOException {
        JsonObject json;
        try (Reader file = Files.newBufferedReader(dashboard); JsonReader reader = Json.createReader(file)) {
            json = reader.readObject();
        }
        Set<String> names = new TreeSet<>();
        for (JsonValue panel : json.getJsonArray("panels")) {
            for (JsonValue target : panel.asJsonObject().getJsonArray("targets")) {
                String expr = target.asJsonObject().getString("expr");
                Set<String> inTarget = inExpression(expr);
                if (inTarget.isEmpty()) {
                    throw new AssertionError("no metric name found in " + expr);
                }
                names.addAll(inTarget);
            }
        }
        for (JsonValue variable : json.getJsonObject("templating").getJsonArray("list")) {
            Matcher query = LABEL_VALUES.matcher(variable.asJsonObject().getString("definition", ""));
            if (query.find()) {
                names.add(query.group(1));
            }
        }
        return names;
    }

    /** Metric names in one PromQL expression: identifiers left once strings, label matchers, ranges and groupings are gone, that are not function calls or keywords. */
    static Set<String> inExpression(String expr) {
        String bare = GROUPING.matcher(RANGE.matcher(MATCHERS.matcher(STRING.matcher(expr).replaceAll("")).replaceAll("")).replaceAll(""))
                .replaceAll("");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            String name = identifier.group(1);
            if (!Set.of("by", "without", "and", "or", "unless", "bool", "offset", "on", "ignoring").contains(name)) {
                names.add(name);
            }
        }
        return names;
    }
}
