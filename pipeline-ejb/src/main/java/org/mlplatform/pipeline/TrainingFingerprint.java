package org.mlplatform.pipeline;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.mlplatform.pipeline.options.OptionRule;
import org.mlplatform.pipeline.options.TrainingOption;
import org.mlplatform.repository.ContentDigest;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Identifies what was trained on what: the SHA-256 of the canonical JSON ({@link CanonicalJson}) of
 * the input files' digests (as validated) and the parameters, named as the options are
 * ({@link TrainingOption#key()}), e.g.
 * {@code {"files":{"train_data.csv":"ab12..."},"parameters":{"C":1,"classWeight":"balanced",...}}}.
 */
public final class TrainingFingerprint {

    private TrainingFingerprint() {
    }

    public static String of(Map<String, String> fileSha256, TrainingParameters parameters) {
        return ContentDigest.sha256(canonicalJson(fileSha256, parameters).getBytes(StandardCharsets.UTF_8));
    }

    static String canonicalJson(Map<String, String> fileSha256, TrainingParameters parameters) {
        JsonObjectBuilder files = Json.createObjectBuilder();
        fileSha256.forEach(files::add);
        JsonObjectBuilder options = Json.createObjectBuilder();
        parameters.values().forEach((option, value) -> {
            if (value instanceof Enum<?> choice) {
                options.add(option.key(), OptionRule.Choice.nameOf(choice));
            } else if (value instanceof Double number) {
                options.add(option.key(), number);
            } else {
                options.add(option.key(), ((Number) value).longValue());
            }
        });
        return CanonicalJson.write(Json.createObjectBuilder().add("files", files).add("parameters", options).build());
    }
}
