package org.mlplatform.inference.models.control;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.mlplatform.inference.drift.control.DriftTracker;
import org.mlplatform.repository.ModelMetadata;

/**
 * A verified, warmed-up model version and its session. Reference counted: the registry holds one
 * reference until the version is retired, and every request holds one while it runs, so the
 * session is closed only after the last in-flight request on it has finished.
 */
public class LoadedVersion {

    private final ModelMetadata metadata;
    private final InferenceSession session;
    private final String sha256;
    private final Instant loadedAt;
    private final DriftTracker drift;
    private final AtomicInteger references = new AtomicInteger(1);
    private final AtomicBoolean retired = new AtomicBoolean();

    /** A version that tracks no drift (a scoring job's own session, tests). */
    public LoadedVersion(ModelMetadata metadata, InferenceSession session, String sha256, Instant loadedAt) {
        this(metadata, session, sha256, loadedAt, DriftTracker.of(metadata, 0));
    }

    public LoadedVersion(ModelMetadata metadata, InferenceSession session, String sha256, Instant loadedAt, DriftTracker drift) {
        this.metadata = metadata;
        this.session = session;
        this.sha256 = sha256;
        this.loadedAt = loadedAt;
        this.drift = drift;
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    public InferenceSession session() {
        return session;
    }

    public int version() {
        return metadata.version();
    }

    public String sha256() {
        return sha256;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    /** The recent rows predicted against the training baseline. */
    public DriftTracker drift() {
        return drift;
    }

    /** @return false when the version was retired and its session is closed or closing */
    boolean tryAcquire() {
        int current;
        do {
            current = references.get();
            if (current == 0) {
                return false;
            }
        } while (!references.compareAndSet(current, current + 1));
        return true;
    }

    void release() {
        if (references.decrementAndGet() == 0) {
            session.close();
        }
    }

    /** Drops the registry's reference; the session closes when the last request releases it. */
    void retire() {
        if (retired.compareAndSet(false, true)) {
            release();
        }
    }

    public boolean isClosed() {
        return references.get() == 0;
    }
}
