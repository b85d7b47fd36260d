package org.mlplatform.inference.metrics;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mlplatform.inference.models.control.ServedModels;

/**
 * The application's side of the server's Micrometer registry (the micrometer subsystem injects
 * it; metrics.cli exposes it at /metrics). {@code mlplatform.metrics.enabled=false} records nothing,
 * for overhead measurements.
 */
@ApplicationScoped
public class InferenceMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    ServedModels served;

    @Inject
    @ConfigProperty(name = "mlplatform.metrics.enabled", defaultValue = "true")
    boolean enabled;

    private InferenceMeters meters;
    private DriftGauges drift;
    private ExportingRegistry exporting;

    @PostConstruct
    void register() {
        if (enabled) {
            exporting = ExportingRegistry.of(registry);
            meters = new InferenceMeters(exporting.registry(), exporting.tags());
            drift = new DriftGauges(exporting.registry(), exporting.tags());
        }
    }

    @PreDestroy
    void unregister() {
        if (exporting != null) {
            exporting.removeMeters();
        }
    }

    public boolean enabled() {
        return meters != null;
    }

    public void request(String model, String version, String api, String outcome, long nanos) {
        if (meters != null) {
            meters.request(model, version, api, outcome, nanos);
        }
    }

    public void inference(String model, int version, int rows, long nanos) {
        if (meters != null) {
            meters.inference(model, version, rows, nanos);
        }
    }

    public void slotTaken() {
        if (meters != null) {
            meters.slotTaken();
        }
    }

    public void slotReleased() {
        if (meters != null) {
            meters.slotReleased();
        }
    }

    public void loaded(String model, long nanos) {
        if (meters != null) {
            meters.loaded(model, nanos, served, models -> loadedVersions(models, model));
        }
    }

    public void loadFailed(String model, String reason) {
        if (meters != null) {
            meters.loadFailed(model, reason, served, models -> loadedVersions(models, model));
        }
    }

    /** The served versions may have changed: drift gauges follow them. */
    public void servedVersionsChanged() {
        if (drift != null) {
            drift.follow(served.states());
        }
    }

    private static int loadedVersions(ServedModels models, String model) {
        return models.state(model).map(state -> state.loaded().size()).orElse(0);
    }
}
