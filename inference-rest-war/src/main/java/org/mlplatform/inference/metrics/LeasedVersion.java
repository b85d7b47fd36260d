package org.mlplatform.inference.metrics;

/**
 * The model and version the current request leased, for its {@code model}/{@code version} labels.
 * Set by {@link LeaseRecorder} on the request's thread, read and cleared by {@link PredictionRequestFilter}.
 */
final class LeasedVersion {

    private static final ThreadLocal<LeasedVersion> CURRENT = new ThreadLocal<>();

    final String model;
    final int version;

    private LeasedVersion(String model, int version) {
        this.model = model;
        this.version = version;
    }

    static void set(String model, int version) {
        CURRENT.set(new LeasedVersion(model, version));
    }

    /** The lease of this thread's request, or null; clears it. */
    static LeasedVersion take() {
        LeasedVersion leased = CURRENT.get();
        CURRENT.remove();
        return leased;
    }
}
