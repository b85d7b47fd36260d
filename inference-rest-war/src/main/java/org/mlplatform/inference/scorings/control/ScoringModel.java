package org.mlplatform.inference.scorings.control;

import org.mlplatform.inference.models.control.InferenceSession;
import org.mlplatform.inference.models.control.LoadedVersion;
import org.mlplatform.inference.models.control.ModelLease;
import org.mlplatform.inference.models.control.ModelLoadException;
import org.mlplatform.inference.models.control.ModelLoader;
import org.mlplatform.inference.models.control.ModelNotFoundException;
import org.mlplatform.inference.models.control.ServedModels;
import org.mlplatform.inference.models.control.VersionSelector;

/**
 * The model version a scoring job runs: the inference service's own loaded session when it serves
 * that version (leased, so a hot swap waits for the job), otherwise a session the job loads for
 * itself through the same {@link ModelLoader} (checksum, contract check, warm-up) and closes at the end.
 */
public final class ScoringModel implements AutoCloseable {

    private final LoadedVersion version;
    private final ModelLease lease;

    private ScoringModel(LoadedVersion version, ModelLease lease) {
        this.version = version;
        this.lease = lease;
    }

    public static ScoringModel open(ServedModels served, ModelLoader loader, String model, int version) throws ModelLoadException {
        try {
            ModelLease lease = served.lease(model, new VersionSelector(version, null));
            return new ScoringModel(lease.version(), lease);
        } catch (ModelNotFoundException notServed) {
            return new ScoringModel(loader.load(model, version), null);
        }
    }

    public InferenceSession session() {
        return version.session();
    }

    public String sha256() {
        return version.sha256();
    }

    /** Whether the service's served session is used (false: the job loaded its own). */
    public boolean shared() {
        return lease != null;
    }

    @Override
    public void close() {
        if (lease != null) {
            lease.close();
        } else {
            version.session().close();
        }
    }
}
