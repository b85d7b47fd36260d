package org.mlplatform.repository;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonWriter;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonGenerator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.mlplatform.repository.DurableFiles.TEMP_PREFIX;
import static org.mlplatform.repository.CorruptModelException.Defect;

/**
 * Versioned models on the file system, laid out as Triton and TensorFlow Serving expect:
 * {@code <root>/<model>/<version>/model.onnx} and {@code metadata.json}, aliases in
 * {@code <root>/<model>/aliases.json}. Versions are positive integers that only go up; a version
 * appears complete or not at all, also after a crash; concurrent publishers, in threads or
 * processes, get distinct numbers. See {@code docs/model-repository.md}.
 */
public final class ModelRepository {

    public static final String MODEL_FILE = "model.onnx";
    public static final String METADATA_FILE = "metadata.json";
    public static final String ALIASES_FILE = "aliases.json";
    /** Highest version ever published, so that deleting the latest does not free its number. */
    static final String HIGHEST_VERSION_FILE = ".highest-version";

    /** A model or alias name: it becomes a folder name, so no separators and no leading dot. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,9}");

    private final Path root;
    private final PublishStep.Listener listener;

    public ModelRepository(Path root) {
        this(root, PublishStep.Listener.NONE);
    }

    ModelRepository(Path root, PublishStep.Listener listener) {
        this.root = root;
        this.listener = listener;
    }

    /** Whether {@code name} is a valid model or alias name (and so a safe folder name under the root). */
    public static boolean isName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** The version a folder name stands for, or empty when the folder is not a version. */
    public static OptionalInt versionOf(String folderName) {
        if (!VERSION.matcher(folderName).matches() || Long.parseLong(folderName) > Integer.MAX_VALUE) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(folderName));
    }

    public Path root() {
        return root;
    }

    /**
     * Allocates the next version of {@code model}, lets {@code writer} produce its files and makes
     * them visible atomically. Nothing becomes visible when the writer or a write fails.
     *
     * @throws IllegalArgumentException when the model name is invalid or the artifacts describe
     *                                  another model, version or ONNX file
     */
    public PublishedVersion publish(String model, VersionWriter writer) throws IOException {
        Path modelDirectory = createModelDirectory(model);
        try (ModelLock lock = ModelLock.acquire(modelDirectory)) {
            removeLeftovers(modelDirectory);
            int version = nextVersion(modelDirectory);
            ModelArtifacts artifacts = Objects.requireNonNull(writer.write(version), "the writer returned no artifacts");
            checkDescribes(artifacts, model, version);
            Path target = modelDirectory.resolve(Integer.toString(version));
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString(), null,
                        "version folder exists although its number was never allocated");
            }
            writeVersion(modelDirectory, target, artifacts);
            listener.reached(PublishStep.MOVED);
            recordHighestVersion(modelDirectory, version);
            return new PublishedVersion(model, version, target, artifacts.metadata());
        }
    }

    /** Models with at least one version, by name. */
    public List<String> models() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(ModelRepository::isName)
                    .filter(name -> !versions(name).isEmpty())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Published versions of {@code model}, ascending; empty for an unknown model. */
    public List<Integer> versions(String model) {
        Path modelDirectory = modelDirectory(model);
        if (!Files.isDirectory(modelDirectory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(modelDirectory)) {
            return entries.filter(Files::isDirectory)
                    .map(p -> versionOf(p.getFileName().toString()))
                    .filter(OptionalInt::isPresent)
                    .map(OptionalInt::getAsInt)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public OptionalInt latest(String model) {
        List<Integer> versions = versions(model);
        return versions.isEmpty() ? OptionalInt.empty() : OptionalInt.of(versions.get(versions.size() - 1));
    }

    public Path versionDirectory(String model, int version) {
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1, got " + version);
        }
        return modelDirectory(model).resolve(Integer.toString(version));
    }

    /**
     * Reads a version's {@code metadata.json} and checks that it describes this version in a format
     * this code knows; {@code model.onnx} is not read.
     *
     * @throws NoSuchFileException   when the version does not exist
     * @throws CorruptModelException when the metadata is missing, unreadable, newer or of another version
     */
    public ModelMetadata metadata(String model, int version) throws IOException {
        Path directory = versionDirectory(model, version);
        if (!Files.isDirectory(directory)) {
            throw new NoSuchFileException(directory.toString(), null, "model " + model + " has no version " + version);
        }
        String where = model + " version " + version;
        ModelMetadata metadata;
        try {
            metadata = MetadataJson.read(readFile(directory.resolve(METADATA_FILE), where));
        } catch (JsonbException e) {
            throw new CorruptModelException(Defect.UNREADABLE, METADATA_FILE + " of " + where + " cannot be read: "
                    + e.getMessage(), e);
        }
        if (metadata.formatVersion() > ModelMetadata.FORMAT_VERSION) {
            throw new CorruptModelException(Defect.UNSUPPORTED_FORMAT, METADATA_FILE + " of " + where
                    + " has formatVersion " + metadata.formatVersion() + "; this reader knows formats up to "
                    + ModelMetadata.FORMAT_VERSION);
        }
        if (!model.equals(metadata.model()) || version != metadata.version() || metadata.onnx() == null
                || metadata.onnx().sha256() == null) {
            throw new CorruptModelException(Defect.INCONSISTENT, METADATA_FILE + " of " + where + " describes "
                    + metadata.model() + " version " + metadata.version()
                    + (metadata.onnx() == null || metadata.onnx().sha256() == null ? " without an onnx.sha256" : ""));
        }
        return metadata;
    }

    /**
     * Reads a version and checks that {@code model.onnx} is the file that was published. The bytes
     * returned are the ones checked: run those, not the file, which may have changed since.
     *
     * @throws NoSuchFileException   when the version does not exist
     * @throws CorruptModelException when a file is missing, unreadable or does not match its SHA-256
     */
    public VerifiedModel load(String model, int version) throws IOException {
        ModelMetadata metadata = metadata(model, version);
        Path directory = versionDirectory(model, version);
        String where = model + " version " + version;
        byte[] onnx = readFile(directory.resolve(MODEL_FILE), where);
        String actual = ContentDigest.sha256(onnx);
        if (!actual.equalsIgnoreCase(metadata.onnx().sha256())) {
            throw new CorruptModelException(Defect.CHECKSUM, MODEL_FILE + " of " + where + " has SHA-256 " + actual
                    + " but " + METADATA_FILE + " records " + metadata.onnx().sha256()
                    + ": the file was changed or damaged after publishing");
        }
        return new VerifiedModel(model, version, directory, onnx, metadata);
    }

    /**
     * Removes a version; its number is never given out again.
     *
     * @throws IllegalStateException when an alias points at the version
     * @throws NoSuchFileException   when the version does not exist
     */
    public void delete(String model, int version) throws IOException {
        Path directory = versionDirectory(model, version);
        Path modelDirectory = existingModelDirectory(model);
        try (ModelLock lock = ModelLock.acquire(modelDirectory)) {
            requireVersion(directory, model, version);
            List<String> pointing = aliases(model).entrySet().stream()
                    .filter(alias -> alias.getValue() == version).map(Map.Entry::getKey).toList();
            if (!pointing.isEmpty()) {
                throw new IllegalStateException("version " + version + " of " + model + " is the target of alias "
                        + String.join(", ", pointing) + "; point the alias elsewhere or remove it first");
            }
            recordHighestVersion(modelDirectory, nextVersion(modelDirectory) - 1);
            Path trash = modelDirectory.resolve(TEMP_PREFIX + UUID.randomUUID());
            Files.move(directory, trash, StandardCopyOption.ATOMIC_MOVE);
            DurableFiles.syncDirectory(modelDirectory);
            DurableFiles.deleteRecursively(trash);
        }
    }

    /**
     * Points {@code alias} (e.g. {@code production}) at an existing version.
     *
     * @throws NoSuchFileException when the version does not exist
     */
    public void setAlias(String model, String alias, int version) throws IOException {
        requireName("alias", alias);
        Path directory = versionDirectory(model, version);
        Path modelDirectory = existingModelDirectory(model);
        try (ModelLock lock = ModelLock.acquire(modelDirectory)) {
            requireVersion(directory, model, version);
            Map<String, Integer> aliases = new TreeMap<>(aliases(model));
            aliases.put(alias, version);
            writeAliases(modelDirectory, aliases);
        }
    }

    /** Removes an alias; nothing happens when it does not exist. */
    public void removeAlias(String model, String alias) throws IOException {
        requireName("alias", alias);
        Path modelDirectory = modelDirectory(model);
        if (!Files.isDirectory(modelDirectory)) {
            return;
        }
        try (ModelLock lock = ModelLock.acquire(modelDirectory)) {
            Map<String, Integer> aliases = new TreeMap<>(aliases(model));
            if (aliases.remove(alias) != null) {
                writeAliases(modelDirectory, aliases);
            }
        }
    }

    public OptionalInt alias(String model, String alias) {
        requireName("alias", alias);
        Integer version = aliases(model).get(alias);
        return version == null ? OptionalInt.empty() : OptionalInt.of(version);
    }

    /** Alias name to version, sorted by name; empty when the model has none. */
    public Map<String, Integer> aliases(String model) {
        Path file = modelDirectory(model).resolve(ALIASES_FILE);
        if (!Files.exists(file)) {
            return Map.of();
        }
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            Map<String, Integer> aliases = new TreeMap<>();
            reader.readObject().forEach((name, value) -> {
                int version = ((JsonNumber) value).intValueExact();
                if (!isName(name) || version < 1) {
                    throw new JsonException("\"" + name + "\": " + version + " is not an alias of a version");
                }
                aliases.put(name, version);
            });
            return Collections.unmodifiableMap(aliases);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JsonException | ClassCastException | ArithmeticException e) {
            throw new UncheckedIOException(new CorruptModelException(Defect.UNREADABLE, file
                    + " is not an object of alias names "
                    + "to version numbers: " + e.getMessage(), e));
        }
    }

    private void writeVersion(Path modelDirectory, Path target, ModelArtifacts artifacts) throws IOException {
        Path temp = modelDirectory.resolve(TEMP_PREFIX + UUID.randomUUID());
        Files.createDirectory(temp);
        try {
            listener.reached(PublishStep.TEMP_DIRECTORY_CREATED);
            DurableFiles.writeNew(temp.resolve(MODEL_FILE), artifacts.onnx());
            listener.reached(PublishStep.MODEL_WRITTEN);
            DurableFiles.writeNew(temp.resolve(METADATA_FILE), MetadataJson.write(artifacts.metadata()));
            listener.reached(PublishStep.METADATA_WRITTEN);
            DurableFiles.syncDirectory(temp);
            listener.reached(PublishStep.SYNCED);
            listener.reached(PublishStep.BEFORE_MOVE);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException | Error e) {
            try {
                DurableFiles.deleteRecursively(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        DurableFiles.syncDirectory(modelDirectory);
    }

    private static void checkDescribes(ModelArtifacts artifacts, String model, int version) {
        ModelMetadata metadata = artifacts.metadata();
        if (!model.equals(metadata.model()) || metadata.version() != version) {
            throw new IllegalArgumentException("metadata describes " + metadata.model() + " version "
                    + metadata.version() + ", but " + model + " version " + version + " is being published");
        }
        String sha256 = ContentDigest.sha256(artifacts.onnx());
        if (metadata.onnx() == null || !sha256.equals(metadata.onnx().sha256())) {
            throw new IllegalArgumentException("metadata does not describe the ONNX file being published (SHA-256 "
                    + sha256 + ")");
        }
    }

    /** One more than the highest version that exists or ever existed. */
    private int nextVersion(Path modelDirectory) throws IOException {
        int highest = readHighestVersion(modelDirectory);
        for (Path entry : versionEntries(modelDirectory)) {
            highest = Math.max(highest, Integer.parseInt(entry.getFileName().toString()));
        }
        if (highest == Integer.MAX_VALUE) {
            throw new IllegalStateException("no version numbers left for " + modelDirectory.getFileName());
        }
        return highest + 1;
    }

    private List<Path> versionEntries(Path modelDirectory) throws IOException {
        try (Stream<Path> entries = Files.list(modelDirectory)) {
            return entries.filter(p -> versionOf(p.getFileName().toString()).isPresent()).toList();
        }
    }

    private static int readHighestVersion(Path modelDirectory) throws IOException {
        Path file = modelDirectory.resolve(HIGHEST_VERSION_FILE);
        if (!Files.exists(file)) {
            return 0;
        }
        String content = Files.readString(file, StandardCharsets.US_ASCII).trim();
        try {
            return Integer.parseInt(content);
        } catch (NumberFormatException e) {
            throw new CorruptModelException(Defect.UNREADABLE, file + " should hold a version number, holds \"" + content + "\"", e);
        }
    }

    private static void recordHighestVersion(Path modelDirectory, int version) throws IOException {
        if (version > readHighestVersion(modelDirectory)) {
            DurableFiles.replace(modelDirectory.resolve(HIGHEST_VERSION_FILE),
                    (version + "\n").getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Unfinished publishes and deletions of a crashed process; only called under the model's lock. */
    private static void removeLeftovers(Path modelDirectory) throws IOException {
        try (Stream<Path> entries = Files.list(modelDirectory)) {
            for (Path leftover : entries.filter(p -> p.getFileName().toString().startsWith(TEMP_PREFIX)).toList()) {
                DurableFiles.deleteRecursively(leftover);
            }
        }
    }

    private static void writeAliases(Path modelDirectory, Map<String, Integer> aliases) throws IOException {
        JsonObjectBuilder json = Json.createObjectBuilder();
        aliases.forEach(json::add);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(out, StandardCharsets.UTF_8)) {
            writer.writeObject(json.build());
        }
        DurableFiles.replace(modelDirectory.resolve(ALIASES_FILE), out.toByteArray());
    }

    private Path createModelDirectory(String model) throws IOException {
        Path modelDirectory = modelDirectory(model);
        if (!Files.isDirectory(modelDirectory)) {
            Files.createDirectories(root);
            try {
                Files.createDirectory(modelDirectory);
                DurableFiles.syncDirectory(root);
            } catch (FileAlreadyExistsException raced) {
                // another publisher created it first
            }
        }
        return modelDirectory;
    }

    private Path existingModelDirectory(String model) throws NoSuchFileException {
        Path modelDirectory = modelDirectory(model);
        if (!Files.isDirectory(modelDirectory)) {
            throw new NoSuchFileException(modelDirectory.toString(), null, "no model named " + model);
        }
        return modelDirectory;
    }

    private static void requireVersion(Path directory, String model, int version) throws NoSuchFileException {
        if (!Files.isDirectory(directory)) {
            throw new NoSuchFileException(directory.toString(), null, "model " + model + " has no version " + version);
        }
    }

    private Path modelDirectory(String model) {
        requireName("model", model);
        return root.resolve(model);
    }

    private static byte[] readFile(Path file, String where) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CorruptModelException(Defect.MISSING_FILE, where + " has no " + file.getFileName(), e);
        }
    }

    private static void requireName(String what, String name) {
        if (!isName(name)) {
            throw new IllegalArgumentException(what + " name " + (name == null ? "null" : "\"" + name + "\"")
                    + " is invalid: use 1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit");
        }
    }
}
