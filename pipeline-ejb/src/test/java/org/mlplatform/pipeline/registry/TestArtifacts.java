package org.mlplatform.pipeline.registry;

import jakarta.json.JsonValue;
import org.mlplatform.pipeline.PipelineModel;
import org.mlplatform.pipeline.TrainingParameters;
import org.mlplatform.pipeline.evaluation.Metrics;
import org.mlplatform.pipeline.onnx.ModelProvenance;
import org.mlplatform.pipeline.onnx.OnnxExporter;
import org.mlplatform.pipeline.reference.ReferenceCase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Versions of the reference seed model, and a view of a repository folder to compare before and after. */
final class TestArtifacts {

    static final String CONFIG = "seed__robust_balanced_C1";
    private static final PipelineModel MODEL = ReferenceCase.of(CONFIG).optimum();

    private TestArtifacts() {
    }

    static VersionWriter writer(String model) {
        return version -> artifacts(model, version);
    }

    static ModelArtifacts artifacts(String model, int version) {
        ModelProvenance provenance = new ModelProvenance(model, version, "fingerprint-of-" + CONFIG, List.of());
        byte[] onnx = new OnnxExporter().export(MODEL, provenance);
        ModelMetadata metadata = ModelMetadata.describe(MODEL, JsonValue.EMPTY_JSON_OBJECT, provenance, onnx,
                ModelMetadata.Params.of(TrainingParameters.defaults()),
                new ModelMetadata.DatasetSummary(Map.of("train_data.csv", "00ff"), 400, Map.of("0", 200, "1", 200)),
                ModelMetadata.Metrics.of(null, new Metrics(80, 0.7, 0.6, 0.8, new int[][] {{28, 12}, {12, 28}})),
                Instant.parse("2026-11-27T12:00:00Z"));
        return new ModelArtifacts(onnx, metadata);
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
