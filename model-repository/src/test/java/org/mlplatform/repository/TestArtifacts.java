package org.mlplatform.repository;

import jakarta.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Versions whose files carry their model and version, and a view of a repository folder to compare
 * before and after. The repository never parses {@code model.onnx}, so any bytes stand in for it.
 */
final class TestArtifacts {

    private TestArtifacts() {
    }

    static VersionWriter writer(String model) {
        return version -> artifacts(model, version);
    }

    static ModelArtifacts artifacts(String model, int version) {
        byte[] onnx = ("graph of " + model + " version " + version).getBytes(StandardCharsets.UTF_8);
        return new ModelArtifacts(onnx, metadata(model, version, ContentDigest.sha256(onnx)));
    }

    /** Every field filled, as the training pipeline fills them. */
    static ModelMetadata metadata(String model, int version, String sha256) {
        return new ModelMetadata(ModelMetadata.FORMAT_VERSION, model, version, "2026-11-27T12:00:00Z",
                ModelMetadata.SOURCE_TRAINED, "fingerprint", "int64", Json.createArrayBuilder().add(0).add(1).build(), 2, List.of("a", "b"),
                new ModelMetadata.Params(1.0, "BALANCED", "ROBUST", "NONE", 1e-8, 1000, 2, 42L),
                new ModelMetadata.Scaler("ROBUST", new double[] {0.5, -1.0}, new double[] {2.0, 1.0}),
                null, null, Json.createObjectBuilder().add("name", "logistic-regression")
                        .add("params", Json.createObjectBuilder().add("C", 1.0))
                        .add("coefficients", Json.createArrayBuilder().add(Json.createArrayBuilder().add(0.25).add(-0.75)))
                        .add("intercepts", Json.createArrayBuilder().add(0.1)).build(),
                new ModelMetadata.Training("newton-cholesky", 3, 12.5, 1.0E-10, 0.001, true),
                new ModelMetadata.DatasetSummary(Map.of("train_data.csv", "00ff"), 400, Map.of("0", 200, "1", 200)),
                new ModelMetadata.Metrics(
                        new ModelMetadata.CrossValidation(2, 0.7, 0.6, null, List.of(
                                new ModelMetadata.Scores(200, 0.7, 0.6, 0.8, new int[][] {{70, 30}, {30, 70}}),
                                new ModelMetadata.Scores(200, 0.7, 0.6, null, new int[][] {{70, 30}, {30, 70}}))),
                        new ModelMetadata.Scores(80, 0.7, 0.6, 0.8, new int[][] {{28, 12}, {12, 28}})),
                List.of(new ModelMetadata.FeatureDistribution(0.5, 1.0, -2.0, 3.0, new double[] {0.0, 1.0},
                                new double[] {0.3, 0.4, 0.3}),
                        new ModelMetadata.FeatureDistribution(-1.0, 2.0, -5.0, 4.0, new double[] {-1.0},
                                new double[] {0.5, 0.5})),
                new ModelMetadata.RocCurves("test", List.of(new ModelMetadata.RocCurve(1,
                        new double[] {0.0, 0.25, 1.0}, new double[] {0.0, 0.75, 1.0}, 0.75))),
                new ModelMetadata.Onnx(sha256, 8, Map.of("ai.onnx.ml", 1L, "ai.onnx", 15L),
                        List.of(new ModelMetadata.Tensor("input", "float", List.of(-1L, 2L))),
                        List.of(new ModelMetadata.Tensor("label", "int64", List.of(-1L)),
                                new ModelMetadata.Tensor("probabilities", "float", List.of(-1L, 2L)))));
    }

    /**
     * Every file and folder under {@code root} with a digest of its content, leaving out unfinished
     * writes ({@code .tmp-*}), which readers ignore and the next publish removes.
     */
    static Map<String, String> visibleTree(Path root) {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                String relative = root.relativize(path).toString();
                if (relative.contains(".tmp-")) {
                    continue;
                }
                tree.put(relative, Files.isDirectory(path) ? "folder" : ContentDigest.sha256(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tree;
    }

    static List<String> leftovers(Path modelDirectory) throws IOException {
        try (Stream<Path> entries = Files.list(modelDirectory)) {
            return entries.map(p -> p.getFileName().toString()).filter(name -> name.startsWith(".tmp-")).toList();
        }
    }
}
