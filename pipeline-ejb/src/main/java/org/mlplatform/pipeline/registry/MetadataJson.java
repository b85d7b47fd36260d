package org.mlplatform.pipeline.registry;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;

import java.nio.charset.StandardCharsets;

/** Reads and writes {@code metadata.json} with JSON-B. */
final class MetadataJson {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withFormatting(true));

    private MetadataJson() {
    }

    static byte[] write(ModelMetadata metadata) {
        return JSONB.toJson(metadata).getBytes(StandardCharsets.UTF_8);
    }

    /** @throws JsonbException when the bytes are not a metadata document */
    static ModelMetadata read(byte[] json) {
        return JSONB.fromJson(new String(json, StandardCharsets.UTF_8), ModelMetadata.class);
    }
}
