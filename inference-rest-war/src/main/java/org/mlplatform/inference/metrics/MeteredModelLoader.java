package org.mlplatform.inference.metrics;

import java.time.Clock;

import org.mlplatform.inference.models.control.LoadedVersion;
import org.mlplatform.inference.models.control.ModelLoadException;
import org.mlplatform.inference.models.control.ModelLoader;
import org.mlplatform.inference.models.control.OnnxSessionFactory;
import org.mlplatform.repository.ModelRepository;

/** A {@link ModelLoader} that records each load's duration, or its failure and reason. */
public class MeteredModelLoader extends ModelLoader {

    private final InferenceMetrics metrics;

    /** @param driftWindow rows each loaded version keeps for drift measures; 0 tracks nothing */
    public MeteredModelLoader(ModelRepository repository, OnnxSessionFactory sessions, Clock clock, int driftWindow,
                              InferenceMetrics metrics) {
        super(repository, sessions, clock, driftWindow);
        this.metrics = metrics;
    }

    @Override
    public LoadedVersion load(String model, int version) throws ModelLoadException {
        long start = System.nanoTime();
        try {
            LoadedVersion loaded = super.load(model, version);
            metrics.loaded(model, System.nanoTime() - start);
            return loaded;
        } catch (ModelLoadException | RuntimeException e) {
            metrics.loadFailed(model, LoadFailureReason.of(e));
            throw e;
        }
    }
}
