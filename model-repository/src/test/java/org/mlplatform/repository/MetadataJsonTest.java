package org.mlplatform.repository;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** metadata.json on disk: what earlier releases wrote reads and writes back to the same bytes. */
class MetadataJsonTest {

    /**
     * Written by the command-line trainer before the contract moved into this module (binary robust
     * with folds and a test set; SMOTE without scaler or folds; three classes), so any change to the
     * records that would change existing files fails here.
     */
    @ParameterizedTest
    @ValueSource(strings = {"baseline", "smote", "iris"})
    void filesOfFormatOneReadAndWriteBackToTheSameBytes(String name) throws IOException {
        byte[] written = fixture(name);

        ModelMetadata read = MetadataJson.read(written);

        assertEquals(new String(written, StandardCharsets.UTF_8), new String(MetadataJson.write(read), StandardCharsets.UTF_8));
        assertEquals(1, read.formatVersion());
        assertEquals(name, read.model());
        assertEquals(1, read.version());
        assertEquals(64, read.onnx().sha256().length());
        assertNull(read.features(), "a format 1 file has no drift baseline");
        assertNull(read.roc());
    }

    @Test
    void sectionsLeftOutStayLeftOut() throws IOException {
        ModelMetadata smote = MetadataJson.read(fixture("smote"));

        assertNull(smote.metrics().cv());
        JsonObject json = MetadataJson.toJsonObject(smote);
        assertFalse(json.getJsonObject("metrics").containsKey("cv"));
        assertEquals("SMOTE", json.getJsonObject("params").getString("resample"));
        assertEquals(Json.createArrayBuilder().add(0).add(1).build(), json.getJsonArray("classes"));
    }

    @Test
    void aHandWrittenFileWithFewFieldsReads() {
        String json = """
                {"model": "m", "version": 2, "featureCount": 3, "classes": ["no", "yes"],
                 "params": {"C": 0.5}, "onnx": {"sha256": "ab"}, "somethingNewer": {"x": 1}}""";

        ModelMetadata read = MetadataJson.read(json.getBytes(StandardCharsets.UTF_8));

        assertEquals(0, read.formatVersion());
        assertEquals(3, read.featureCount());
        assertEquals(List.of(), read.featureNames());
        assertEquals(2, read.classes().size());
        assertEquals(0.5, read.params().c());
        assertNull(read.params().classWeight());
        assertEquals("ab", read.onnx().sha256());
        assertEquals(List.of(), read.onnx().inputs());
        assertNull(read.metrics());
    }

    @Test
    void mapsAreWrittenInKeyOrder() {
        ModelMetadata metadata = TestArtifacts.metadata("m", 1, "00");

        String json = new String(MetadataJson.write(metadata), StandardCharsets.UTF_8);

        assertTrue(json.indexOf("\"ai.onnx\"") < json.indexOf("\"ai.onnx.ml\""), json);
        assertArrayEquals(MetadataJson.write(metadata), MetadataJson.write(MetadataJson.read(MetadataJson.write(metadata))));
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = MetadataJsonTest.class.getResourceAsStream("/format-1/" + name + ".json")) {
            return in.readAllBytes();
        }
    }
}
