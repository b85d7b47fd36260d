package org.mlplatform.inference.models.boundary;

import java.nio.file.Path;
import java.time.Clock;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mlplatform.inference.metrics.InferenceMetrics;
import org.mlplatform.inference.metrics.MeteredModelLoader;
import org.mlplatform.inference.models.control.OnnxSessionFactory;
import org.mlplatform.inference.models.control.RepositorySynchronizer;
import org.mlplatform.inference.models.control.ServedModels;
import org.mlplatform.repository.ModelRepository;

/**
 * Keeps the served models in line with the repository: loads everything at deployment (so the
 * deployment is ready when it finishes), rescans every {@code mlplatform.inference.scan-interval-seconds}
 * (which covers a server without the model-events topic), and applies model events and admin reloads
 * at once. The synchroniser serialises the work itself, so the bean needs no container lock.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RepositoryWatcher {

    private static final Logger LOG = Logger.getLogger(RepositoryWatcher.class.getName());

    @Inject
    @ConfigProperty(name = "mlplatform.models.dir", defaultValue = "models")
    String modelsDir;

    @Inject
    @ConfigProperty(name = "mlplatform.inference.scan-interval-seconds", defaultValue = "10")
    long scanIntervalSeconds;

    @Inject
    @ConfigProperty(name = "mlplatform.inference.versions-per-model", defaultValue = "3")
    int versionsPerModel;

    @Inject
    @ConfigProperty(name = "mlplatform.inference.drift-window", defaultValue = "10000")
    int driftWindow;

    @Inject
    ServedModels served;

    @Inject
    InferenceMetrics metrics;

    @Resource
    TimerService timers;

    private RepositorySynchronizer synchronizer;

    @PostConstruct
    void start() {
        ModelRepository repository = new ModelRepository(Path.of(modelsDir).toAbsolutePath());
        synchronizer = new RepositorySynchronizer(repository, new MeteredModelLoader(repository, new OnnxSessionFactory(), Clock.systemUTC(),
                driftWindow, metrics), served, versionsPerModel);
        LOG.info(() -> "serving models from " + repository.root() + ", rescanning every " + scanIntervalSeconds + " s");
        synchronize();
        if (scanIntervalSeconds > 0) {
            long interval = scanIntervalSeconds * 1000;
            timers.createIntervalTimer(interval, interval, new TimerConfig(null, false));
        }
    }

    @Timeout
    void scan() {
        synchronize();
    }

    /** A version was published or an alias moved: apply it now, retrying versions that failed before. */
    public void modelChanged(String model) {
        reload(model);
    }

    public void reload(String model) {
        synchronizer.reload(model);
        metrics.servedVersionsChanged();
    }

    private void synchronize() {
        synchronizer.synchronizeAll();
        metrics.servedVersionsChanged();
    }

    @PreDestroy
    void stop() {
        served.clear();
    }
}
