package org.mlplatform.builder.models.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.EntityPart;
import org.mlplatform.builder.models.entity.ImportedGraph;
import org.mlplatform.builder.trainings.control.BuilderFolders;
import org.mlplatform.builder.trainings.control.InvalidRequestException;
import org.mlplatform.pipeline.registry.PipelineMetadata;
import org.mlplatform.repository.ModelArtifacts;
import org.mlplatform.repository.ModelRepository;
import org.mlplatform.repository.PublishedVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Publishes an ONNX file trained elsewhere (e.g. scikit-learn + skl2onnx) as the next version of a model,
 * once {@link OnnxGraphVerifier} found it servable: the file's bytes unchanged, with {@code "source":
 * "imported"} metadata, announced on the model-events topic as a trained version is.
 */
@Dependent
public class ModelImports {

    /** The multipart parts: the file, and optionally the class labels and feature names as JSON arrays. */
    public static final String ONNX_PART = "onnx";
    public static final String CLASSES_PART = "classes";
    public static final String FEATURE_NAMES_PART = "featureNames";
    private static final Set<String> PARTS = Set.of(ONNX_PART, CLASSES_PART, FEATURE_NAMES_PART);

    @Inject
    ModelRepository repository;

    @Inject
    BuilderFolders folders;

    @Inject
    ModelEvents events;

    @Inject
    OnnxGraphVerifier verifier;

    public PublishedVersion importVersion(String model, List<EntityPart> parts) {
        try {
            folders.validator().checkModelName(model);
        } catch (InvalidRequestException e) {
            throw RegistryException.invalidImport("model", e.getMessage());
        }
        Map<String, byte[]> contents = read(parts);
        byte[] onnx = contents.get(ONNX_PART);
        if (onnx == null) {
            throw RegistryException.invalidImport(ONNX_PART, "the part " + ONNX_PART + " with the model.onnx file is missing");
        }
        JsonArray classes = jsonArray(contents, CLASSES_PART);
        List<String> featureNames = featureNames(jsonArray(contents, FEATURE_NAMES_PART));
        ImportedGraph graph = verifier.verify(onnx, classes, featureNames);
        PublishedVersion published;
        try {
            published = repository.publish(model, version -> new ModelArtifacts(onnx, PipelineMetadata.imported(model,
                    version, onnx, graph.classLabelType(), graph.classes(), graph.featureCount(), graph.featureNames(),
                    Instant.now())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.versionPublished(model, published.version());
        return published;
    }

    private static Map<String, byte[]> read(List<EntityPart> parts) {
        Map<String, byte[]> contents = new HashMap<>();
        for (EntityPart part : parts) {
            String name = part.getName();
            if (!PARTS.contains(name)) {
                throw RegistryException.invalidImport(name, "unknown part " + name + "; the parts are " + ONNX_PART + " (the file), "
                        + CLASSES_PART + " and " + FEATURE_NAMES_PART);
            }
            byte[] content;
            try (InputStream in = part.getContent()) {
                content = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (contents.putIfAbsent(name, content) != null) {
                throw RegistryException.invalidImport(name, name + " is given twice");
            }
        }
        return contents;
    }

    /** A JSON array part; null when absent or empty. */
    private static JsonArray jsonArray(Map<String, byte[]> contents, String part) {
        byte[] content = contents.get(part);
        if (content == null || new String(content, StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(new String(content, StandardCharsets.UTF_8)))) {
            return reader.readArray();
        } catch (JsonException | IllegalStateException e) {
            throw RegistryException.invalidImport(part, part + " must be a JSON array, e.g. "
                    + (part.equals(CLASSES_PART) ? "[0, 1] or [\"no\", \"yes\"]" : "[\"age\", \"income\"]"));
        }
    }

    /** The names; null when none are given ({@code []} too, as metadata.json writes "no header"). */
    private static List<String> featureNames(JsonArray names) {
        if (names == null || names.isEmpty()) {
            return null;
        }
        for (JsonValue name : names) {
            if (!(name instanceof JsonString)) {
                throw RegistryException.invalidImport(FEATURE_NAMES_PART, FEATURE_NAMES_PART + " must be strings; got " + name);
            }
        }
        List<String> list = names.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        if (new HashSet<>(list).size() != list.size()) {
            throw RegistryException.invalidImport(FEATURE_NAMES_PART, FEATURE_NAMES_PART + " " + names + " repeat a name");
        }
        return list;
    }
}
