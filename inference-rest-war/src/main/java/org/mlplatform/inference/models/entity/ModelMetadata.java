package org.mlplatform.inference.models.entity;

import java.util.List;
import java.util.Optional;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * What the inference service reads from a version's {@code metadata.json}: the fields it checks
 * (feature count and names, classes, model checksum) and the rest passed through to model info.
 *
 * @param featureNames empty when the training CSV had no header
 * @param classes      class labels as the ONNX model's label output reports them, in probability-column order
 * @param onnxSha256   hex SHA-256 of model.onnx, or null when metadata.json does not state it
 * @param document     the whole metadata.json, for metrics, params and training details
 */
public record ModelMetadata(String model, int version, int featureCount, List<String> featureNames,
                            List<JsonValue> classes, String onnxSha256, JsonObject document) {

    public static ModelMetadata from(String model, int version, JsonObject json) {
        List<String> names = json.containsKey("featureNames") && json.get("featureNames") instanceof jakarta.json.JsonArray array
                ? array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()
                : List.of();
        int featureCount = json.get("featureCount") instanceof JsonNumber number ? number.intValue() : names.size();
        List<JsonValue> classes = json.get("classes") instanceof jakarta.json.JsonArray array ? List.copyOf(array) : List.of();
        String sha256 = Optional.ofNullable(json.getJsonObject("onnx"))
                .filter(onnx -> onnx.get("sha256") instanceof JsonString)
                .map(onnx -> onnx.getString("sha256"))
                .orElse(null);
        return new ModelMetadata(model, version, featureCount, names, classes, sha256, json);
    }

    public Optional<JsonValue> section(String name) {
        return Optional.ofNullable(document.get(name));
    }
}
