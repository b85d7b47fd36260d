package org.mlplatform.inference.models.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.mlplatform.inference.models.entity.ModelMetadata;

/**
 * Reads the model repository laid out as Triton and TensorFlow Serving do:
 * {@code <root>/<model>/<version>/model.onnx + metadata.json} and {@code <root>/<model>/aliases.json}.
 * Folders that are not a positive integer (e.g. the publisher's temporary folders) are not versions.
 */
public class ModelRepositoryReader {

    public static final String MODEL_FILE = "model.onnx";
    public static final String METADATA_FILE = "metadata.json";
    public static final String ALIASES_FILE = "aliases.json";

    private final Path root;

    public ModelRepositoryReader(Path root) {
        this.root = root;
    }

    /** Folder names a model may have; anything else (e.g. {@code ..}) is never resolved against the root. */
    public static boolean isModelName(String name) {
        return name != null && name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}") && !name.contains("..");
    }

    public Path root() {
        return root;
    }

    public NavigableSet<String> models() {
        NavigableSet<String> models = new TreeSet<>();
        if (!Files.isDirectory(root)) {
            return models;
        }
        try (Stream<Path> children = Files.list(root)) {
            children.filter(Files::isDirectory)
                    .filter(dir -> isModelName(dir.getFileName().toString()))
                    .filter(dir -> !versions(dir.getFileName().toString()).isEmpty())
                    .forEach(dir -> models.add(dir.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the model repository " + root, e);
        }
        return models;
    }

    /** Versions whose folder holds a model.onnx, ascending. */
    public NavigableSet<Integer> versions(String model) {
        NavigableSet<Integer> versions = new TreeSet<>();
        if (!isModelName(model)) {
            return versions;
        }
        Path modelDir = root.resolve(model);
        if (!Files.isDirectory(modelDir)) {
            return versions;
        }
        try (Stream<Path> children = Files.list(modelDir)) {
            children.filter(dir -> Files.isRegularFile(dir.resolve(MODEL_FILE)))
                    .map(dir -> dir.getFileName().toString())
                    .filter(name -> name.matches("[1-9][0-9]{0,8}"))
                    .forEach(name -> versions.add(Integer.valueOf(name)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list versions of model " + model, e);
        }
        return versions;
    }

    /** Alias name to version, e.g. {@code production -> 3}; empty when the model has no aliases.json. */
    public Map<String, Integer> aliases(String model) throws IOException {
        Path file = root.resolve(model).resolve(ALIASES_FILE);
        Map<String, Integer> aliases = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return aliases;
        }
        JsonObject json = readJson(file);
        json.forEach((alias, value) -> {
            if (value instanceof JsonNumber number && number.isIntegral()) {
                aliases.put(alias, number.intValue());
            }
        });
        return aliases;
    }

    public ModelMetadata metadata(String model, int version) throws IOException {
        return ModelMetadata.from(model, version, readJson(versionDir(model, version).resolve(METADATA_FILE)));
    }

    public Path modelFile(String model, int version) {
        return versionDir(model, version).resolve(MODEL_FILE);
    }

    private Path versionDir(String model, int version) {
        return root.resolve(model).resolve(Integer.toString(version));
    }

    private static JsonObject readJson(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IOException(file.getFileName() + " is not a JSON object: " + e.getMessage(), e);
        }
    }
}
