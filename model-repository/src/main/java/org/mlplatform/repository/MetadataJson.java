package org.mlplatform.repository;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** Reads and writes {@code metadata.json} with JSON-B. */
public final class MetadataJson {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withFormatting(true));

    private MetadataJson() {
    }

    /** The bytes of {@code metadata.json}: formatted, fields in the documented order, absent ones left out. */
    public static byte[] write(ModelMetadata metadata) {
        return JSONB.toJson(metadata).getBytes(StandardCharsets.UTF_8);
    }

    /** @throws JsonbException when the bytes are not a metadata document */
    public static ModelMetadata read(byte[] json) {
        return JSONB.fromJson(new String(json, StandardCharsets.UTF_8), ModelMetadata.class);
    }

    /** The document as JSON-P sees it, e.g. to pass sections on as they are written. */
    public static JsonObject toJsonObject(ModelMetadata metadata) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(write(metadata)))) {
            return reader.readObject();
        }
    }
}
