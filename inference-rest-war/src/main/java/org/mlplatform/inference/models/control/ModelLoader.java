package org.mlplatform.inference.models.control;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.util.Locale;

import jakarta.json.JsonString;

import org.mlplatform.inference.drift.control.DriftTracker;
import org.mlplatform.inference.models.entity.ModelSignature;
import org.mlplatform.repository.CorruptModelException;
import org.mlplatform.repository.ModelMetadata;
import org.mlplatform.repository.ModelRepository;
import org.mlplatform.repository.VerifiedModel;

/**
 * Turns a version folder into a {@link LoadedVersion}: the repository reads model.onnx once and
 * checks its SHA-256 against metadata.json, the session opens from those same verified bytes (so a
 * file swapped after the check is never run), the graph is checked against the metadata, and one
 * warm-up inference runs.
 */
public class ModelLoader {

    private final ModelRepository repository;
    private final OnnxSessionFactory sessions;
    private final Clock clock;
    private final int driftWindow;

    /** A loader whose versions track no drift (scoring jobs, the command line). */
    public ModelLoader(ModelRepository repository, OnnxSessionFactory sessions, Clock clock) {
        this(repository, sessions, clock, 0);
    }

    /** @param driftWindow rows each loaded version keeps for drift measures; 0 tracks nothing */
    public ModelLoader(ModelRepository repository, OnnxSessionFactory sessions, Clock clock, int driftWindow) {
        if (driftWindow < 0) {
            throw new IllegalArgumentException("the drift window must be 0 (off) or more rows, got " + driftWindow);
        }
        this.repository = repository;
        this.sessions = sessions;
        this.clock = clock;
        this.driftWindow = driftWindow;
    }

    public LoadedVersion load(String model, int version) throws ModelLoadException {
        VerifiedModel verified;
        try {
            verified = repository.load(model, version);
        } catch (CorruptModelException e) {
            throw new ModelLoadException(cause(e.defect()) + e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new ModelLoadException("missing file " + e.getFile());
        } catch (IOException e) {
            throw new ModelLoadException("cannot read version " + version + ": " + e.getMessage(), e);
        }
        InferenceSession session = sessions.open(verified.onnx(), verified.metadata().classes().stream()
                .map(label -> label instanceof JsonString string ? string.getString() : label.toString()).toList());
        try {
            checkAgainstMetadata(session.signature(), verified.metadata());
            warmUp(session);
        } catch (ModelLoadException e) {
            session.close();
            throw e;
        }
        return new LoadedVersion(verified.metadata(), session, verified.metadata().onnx().sha256().toLowerCase(Locale.ROOT),
                clock.instant(), DriftTracker.of(verified.metadata(), driftWindow));
    }

    /** The start of a failure's message says its kind, as {@code LoadFailureReason} reads it. */
    private static String cause(CorruptModelException.Defect defect) {
        return switch (defect) {
            case MISSING_FILE -> "missing file: ";
            case UNREADABLE -> "cannot read: ";
            case UNSUPPORTED_FORMAT -> "unsupported formatVersion: ";
            case INCONSISTENT -> "inconsistent metadata: ";
            case CHECKSUM -> "checksum mismatch: ";
        };
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
}
