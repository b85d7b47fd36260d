package org.mlplatform.inference.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.mlplatform.repository.ContentDigest;

/**
 * Publishes test versions into a model repository folder as the repository's publish does (write
 * into a temporary sibling folder, then rename it to the version number), with a hand-written
 * metadata.json of a few fields and any version number or stated checksum a test needs.
 */
public record TestRepository(Path root) {

    public void publish(String model, int version, byte[] onnx, int featureCount, int classCount, List<String> featureNames) {
        publish(model, version, onnx, sha256(onnx), featureCount, classCount, featureNames);
    }

    /** Publishes with a stated checksum that may differ from the file's, to test verification. */
    public void publish(String model, int version, byte[] onnx, String statedSha256, int featureCount, int classCount,
                        List<String> featureNames) {
        publish(model, version, onnx, statedSha256, featureCount, classCount, featureNames, null);
    }

    /**
     * Publishes a format-2 version whose drift baseline says every feature is standard normal: the
     * deciles of N(0, 1) as bin edges, a tenth of the rows in each bin.
     */
    public void publishWithStandardNormalBaseline(String model, int version, byte[] onnx, int featureCount, int classCount) {
        NormalDistribution normal = new NormalDistribution();
        JsonArrayBuilder edges = Json.createArrayBuilder();
        JsonArrayBuilder shares = Json.createArrayBuilder();
        for (int decile = 1; decile < 10; decile++) {
            edges.add(normal.inverseCumulativeProbability(decile / 10.0));
        }
        for (int bin = 0; bin < 10; bin++) {
            shares.add(0.1);
        }
        JsonArrayBuilder features = Json.createArrayBuilder();
        JsonObject standardNormal = Json.createObjectBuilder().add("mean", 0.0).add("std", 1.0).add("min", -4.0).add("max", 4.0)
                .add("binEdges", edges).add("binShares", shares).build();
        for (int j = 0; j < featureCount; j++) {
            features.add(standardNormal);
        }
        publish(model, version, onnx, sha256(onnx), featureCount, classCount, List.of(), features.build());
    }

    private void publish(String model, int version, byte[] onnx, String statedSha256, int featureCount, int classCount,
                         List<String> featureNames, JsonArray baseline) {
        try {
            Path modelDir = Files.createDirectories(root.resolve(model));
            Path staging = Files.createTempDirectory(modelDir, ".publish-");
            Files.write(staging.resolve("model.onnx"), onnx);
            JsonArrayBuilder classes = Json.createArrayBuilder();
            for (int k = 0; k < classCount; k++) {
                classes.add(k);
            }
            JsonArrayBuilder names = Json.createArrayBuilder();
            featureNames.forEach(names::add);
            JsonObjectBuilder metadata = Json.createObjectBuilder()
                    .add("model", model)
                    .add("version", version)
                    .add("createdAt", "2026-01-01T00:00:00Z")
                    .add("classes", classes)
                    .add("featureCount", featureCount)
                    .add("params", Json.createObjectBuilder().add("C", 1.0).add("classWeight", "balanced").add("scaler", "robust"))
                    .add("metrics", Json.createObjectBuilder().add("test", Json.createObjectBuilder().add("accuracy", 0.9)))
                    .add("onnx", Json.createObjectBuilder().add("sha256", statedSha256));
            if (!featureNames.isEmpty()) {
                metadata.add("featureNames", names);
            }
            if (baseline != null) {
                metadata.add("formatVersion", 2).add("features", baseline);
            }
            Files.writeString(staging.resolve("metadata.json"), metadata.build().toString());
            Files.move(staging, modelDir.resolve(Integer.toString(version)), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void setAlias(String model, String alias, int version) {
        try {
            Path file = root.resolve(model).resolve("aliases.json");
            Path staging = Files.createTempFile(root.resolve(model), ".aliases-", ".json");
            Files.writeString(staging, Json.createObjectBuilder().add(alias, version).build().toString());
            Files.move(staging, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(byte[] bytes) {
        return ContentDigest.sha256(bytes);
    }

    /** A reference case as a trained format 2 version: coefficients, test scores, confusion matrix, ROC curves, drift baseline. */
    public void publishEvaluated(String model, int version, ReferenceCase reference, List<String> featureNames) {
        byte[] onnx = reference.onnx();
        publish(model, version, onnx, EvaluatedMetadata.of(reference, model, version, featureNames, sha256(onnx)));
    }

    /** Publishes the model file with the metadata.json given. */
    public void publish(String model, int version, byte[] onnx, JsonObject metadata) {
        try {
            Path modelDir = Files.createDirectories(root.resolve(model));
            Path staging = Files.createTempDirectory(modelDir, ".publish-");
            Files.write(staging.resolve("model.onnx"), onnx);
            Files.writeString(staging.resolve("metadata.json"), metadata.toString());
            Files.move(staging, modelDir.resolve(Integer.toString(version)), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
