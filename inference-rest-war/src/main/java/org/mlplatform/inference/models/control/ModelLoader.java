package org.mlplatform.inference.models.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;

import jakarta.json.JsonString;

import org.mlplatform.inference.models.entity.ModelMetadata;
import org.mlplatform.inference.models.entity.ModelSignature;

/**
 * Turns a version folder into a {@link LoadedVersion}: reads model.onnx once, checks its SHA-256
 * against metadata.json, opens the session from those same verified bytes (so a file swapped after
 * the check is never run), checks the graph against the metadata, and runs one warm-up inference.
 */
public class ModelLoader {

    /** The metadata.json layout this service reads (docs/model-repository.md); newer ones are refused. */
    static final int KNOWN_FORMAT_VERSION = 1;

    private final ModelRepositoryReader repository;
    private final OnnxSessionFactory sessions;
    private final Clock clock;

    public ModelLoader(ModelRepositoryReader repository, OnnxSessionFactory sessions, Clock clock) {
        this.repository = repository;
        this.sessions = sessions;
        this.clock = clock;
    }

    public LoadedVersion load(String model, int version) throws ModelLoadException {
        ModelMetadata metadata;
        byte[] bytes;
        try {
            metadata = repository.metadata(model, version);
            bytes = Files.readAllBytes(repository.modelFile(model, version));
        } catch (NoSuchFileException e) {
            throw new ModelLoadException("missing file " + e.getFile());
        } catch (IOException e) {
            throw new ModelLoadException("cannot read version " + version + ": " + e.getMessage(), e);
        }
        int formatVersion = metadata.document().getInt("formatVersion", KNOWN_FORMAT_VERSION);
        if (formatVersion > KNOWN_FORMAT_VERSION) {
            throw new ModelLoadException("metadata.json has formatVersion " + formatVersion + "; this service reads up to "
                    + KNOWN_FORMAT_VERSION);
        }
        String sha256 = sha256(bytes);
        if (metadata.onnxSha256() == null) {
            throw new ModelLoadException("metadata.json has no onnx.sha256 to verify model.onnx against");
        }
        if (!metadata.onnxSha256().equalsIgnoreCase(sha256)) {
            throw new ModelLoadException("checksum mismatch: model.onnx has SHA-256 " + sha256
                    + " but metadata.json states " + metadata.onnxSha256());
        }
        InferenceSession session = sessions.open(bytes, metadata.classes().stream()
                .map(label -> label instanceof JsonString string ? string.getString() : label.toString()).toList());
        try {
            checkAgainstMetadata(session.signature(), metadata);
            warmUp(session);
        } catch (ModelLoadException e) {
            session.close();
            throw e;
        }
        return new LoadedVersion(metadata, session, sha256, clock.instant());
    }

    private static void checkAgainstMetadata(ModelSignature signature, ModelMetadata metadata) throws ModelLoadException {
        if (metadata.featureCount() > 0 && metadata.featureCount() != signature.featureCount()) {
            throw new ModelLoadException("not servable: the graph takes " + signature.featureCount()
                    + " features but metadata.json says featureCount " + metadata.featureCount());
        }
        if (!metadata.classes().isEmpty() && signature.classCount() > 0 && metadata.classes().size() != signature.classCount()) {
            throw new ModelLoadException("not servable: the graph outputs " + signature.classCount()
                    + " probabilities per row but metadata.json lists " + metadata.classes().size() + " classes");
        }
    }

    /** The first run allocates ORT's buffers; doing it here keeps that cost off the first request. */
    private static void warmUp(InferenceSession session) throws ModelLoadException {
        try {
            session.run(new float[session.signature().featureCount()], 1);
        } catch (InferenceException e) {
            throw new ModelLoadException("warm-up inference failed: " + e.getMessage(), e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
