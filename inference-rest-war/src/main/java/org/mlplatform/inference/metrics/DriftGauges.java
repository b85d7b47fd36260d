package org.mlplatform.inference.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import org.mlplatform.inference.drift.control.DriftTracker;
import org.mlplatform.inference.models.control.LoadedVersion;
import org.mlplatform.inference.models.control.ModelState;

/**
 * Drift gauges of the served versions that have a baseline, read when scraped:
 * {@code mlplatform_inference_drift_psi{model,version,feature}} (NaN while the window is empty) and
 * {@code mlplatform_inference_drift_window_rows{model,version}}. {@link #follow} registers those of
 * newly served versions and removes those of retired ones (a gauge left behind would keep a retired
 * window alive and show its last value).
 */
class DriftGauges {

    private final MeterRegistry registry;
    private final Tags common;
    private final Map<VersionKey, Registered> registered = new HashMap<>();

    DriftGauges(MeterRegistry registry, Tags common) {
        this.registry = registry;
        this.common = common;
    }

    synchronized void follow(Collection<ModelState> states) {
        Map<VersionKey, DriftTracker> served = new HashMap<>();
        for (ModelState state : states) {
            for (LoadedVersion version : state.loaded().values()) {
                if (version.drift().hasBaseline()) {
                    served.put(new VersionKey(state.model(), Integer.toString(version.version())), version.drift());
                }
            }
        }
        for (Iterator<Map.Entry<VersionKey, Registered>> entries = registered.entrySet().iterator(); entries.hasNext(); ) {
            Map.Entry<VersionKey, Registered> entry = entries.next();
            if (served.get(entry.getKey()) != entry.getValue().tracker()) {
                entry.getValue().gauges().forEach(registry::remove);
                entries.remove();
            }
        }
        served.forEach((key, tracker) -> registered.computeIfAbsent(key, absent -> register(key, tracker)));
    }

    private Registered register(VersionKey key, DriftTracker tracker) {
        List<Gauge> gauges = new ArrayList<>();
        Tags version = Tags.of("model", key.model(), "version", key.version()).and(common);
        gauges.add(Gauge.builder("mlplatform.inference.drift.window.rows", tracker, DriftTracker::rows)
                .description("Rows in the version's recent drift window")
                .tags(version).strongReference(true).register(registry));
        for (int j = 0; j < tracker.features(); j++) {
            int feature = j;
            gauges.add(Gauge.builder("mlplatform.inference.drift.psi", tracker, drift -> drift.psi(feature))
                    .description("Population Stability Index of the feature's recent window against its training baseline")
                    .tags(version).tag("feature", Integer.toString(feature)).strongReference(true).register(registry));
        }
        return new Registered(tracker, gauges);
    }

    private record VersionKey(String model, String version) {
    }

    private record Registered(DriftTracker tracker, List<Gauge> gauges) {
    }
}
