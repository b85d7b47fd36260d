package org.mlplatform.inference.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * The inference service's meters, named as Prometheus shows them under {@code mlplatform_inference_}.
 * Request meters carry {@code model} and {@code version} (the resolved number; empty when no
 * version was resolved, e.g. a 404), load meters {@code model}. Meters are cached per label set so a
 * request costs map look-ups, not registrations.
 */
public class InferenceMeters {

    /** Histogram buckets from 50 µs to 10 s: a single-row ONNX Runtime call takes about 10 µs here. */
    static final Duration[] LATENCY_BUCKETS = {
        Duration.ofNanos(50_000), Duration.ofNanos(100_000), Duration.ofNanos(250_000), Duration.ofNanos(500_000),
        Duration.ofMillis(1), Duration.ofNanos(2_500_000), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2_500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;
    private final Tags common;
    private final AtomicInteger slotsInUse = new AtomicInteger();
    private final Map<RequestKey, RequestMeters> requests = new ConcurrentHashMap<>();
    private final Map<VersionKey, InferenceMetersOfVersion> inferences = new ConcurrentHashMap<>();
    private final Map<String, ModelLoadMeters> loads = new ConcurrentHashMap<>();
    private final Map<FailureKey, Counter> failures = new ConcurrentHashMap<>();

    /** @param common tags every meter gets (the deployment tag WildFly removes meters by) */
    public InferenceMeters(MeterRegistry registry, Tags common) {
        this.registry = registry;
        this.common = common;
        Gauge.builder("mlplatform.inference.slots.in.use", slotsInUse, AtomicInteger::get)
                .description("Inference slots (pooled Predictor instances) running an inference now")
                .tags(common).register(registry);
    }

    /** One prediction request answered; {@code nanos} from its arrival to its response. */
    public void request(String model, String version, String api, String outcome, long nanos) {
        requests.computeIfAbsent(new RequestKey(model, version, api, outcome), this::requestMeters).record(nanos);
    }

    /** One ONNX Runtime call that scored {@code rows} rows. */
    public void inference(String model, int version, int rows, long nanos) {
        inferences.computeIfAbsent(new VersionKey(model, Integer.toString(version)), this::inferenceMeters).record(rows, nanos);
    }

    public void slotTaken() {
        slotsInUse.incrementAndGet();
    }

    public void slotReleased() {
        slotsInUse.decrementAndGet();
    }

    /**
     * A version of {@code model} loaded, verified and warmed up in {@code nanos}; {@code loadedVersions}
     * tells, when scraped, how many versions of the model are being served.
     */
    public <T> void loaded(String model, long nanos, T servedModels, ToIntFunction<T> loadedVersions) {
        ModelLoadMeters meters = loadMeters(model, servedModels, loadedVersions);
        meters.duration.record(nanos, TimeUnit.NANOSECONDS);
        meters.lastReloadEpochMillis.set(System.currentTimeMillis());
    }

    /** A version of {@code model} could not be loaded, for a reason from {@link LoadFailureReason}. */
    public <T> void loadFailed(String model, String reason, T servedModels, ToIntFunction<T> loadedVersions) {
        loadMeters(model, servedModels, loadedVersions);
        failures.computeIfAbsent(new FailureKey(model, reason), key -> Counter.builder("mlplatform.inference.load.failures")
                .description("Model versions that could not be loaded, by reason")
                .tag("model", key.model()).tag("reason", key.reason())
                .tags(common).register(registry)).increment();
    }

    private RequestMeters requestMeters(RequestKey key) {
        return new RequestMeters(
                Counter.builder("mlplatform.inference.requests")
                        .description("Prediction requests answered, by API and outcome")
                        .tags("model", key.model(), "version", key.version(), "api", key.api(), "outcome", key.outcome())
                        .tags(common).register(registry),
                Timer.builder("mlplatform.inference.request.duration")
                        .description("Prediction request latency, from arrival to response")
                        .tags("model", key.model(), "version", key.version(), "api", key.api(), "outcome", key.outcome())
                        .serviceLevelObjectives(LATENCY_BUCKETS)
                        .tags(common).register(registry));
    }

    private InferenceMetersOfVersion inferenceMeters(VersionKey key) {
        return new InferenceMetersOfVersion(
                Counter.builder("mlplatform.inference.rows.predicted")
                        .description("Rows scored by ONNX Runtime")
                        .tags("model", key.model(), "version", key.version())
                        .tags(common).register(registry),
                Timer.builder("mlplatform.inference.onnxruntime.duration")
                        .description("ONNX Runtime session run latency (one call per request)")
                        .tags("model", key.model(), "version", key.version())
                        .serviceLevelObjectives(LATENCY_BUCKETS)
                        .tags(common).register(registry));
    }

    private <T> ModelLoadMeters loadMeters(String model, T servedModels, ToIntFunction<T> loadedVersions) {
        return loads.computeIfAbsent(model, name -> {
            Gauge.builder("mlplatform.inference.loaded.versions", servedModels, models -> loadedVersions.applyAsInt(models))
                    .description("Versions of the model being served")
                    .tag("model", name)
                    .strongReference(true)
                    .tags(common).register(registry);
            AtomicLong lastReload = new AtomicLong();
            Gauge.builder("mlplatform.inference.last.reload.timestamp", lastReload, value -> value.get() / 1000.0)
                    .description("When a version of the model was last loaded (Unix time; 0 before the first)")
                    .baseUnit("seconds")
                    .tag("model", name)
                    .strongReference(true)
                    .tags(common).register(registry);
            Timer duration = Timer.builder("mlplatform.inference.load.duration")
                    .description("Time to read, verify, open and warm up one model version")
                    .tag("model", name)
                    .serviceLevelObjectives(LATENCY_BUCKETS)
                    .tags(common).register(registry);
            return new ModelLoadMeters(duration, lastReload);
        });
    }

    private record RequestKey(String model, String version, String api, String outcome) {
    }

    private record VersionKey(String model, String version) {
    }

    private record FailureKey(String model, String reason) {
    }

    private record RequestMeters(Counter count, Timer latency) {
        void record(long nanos) {
            count.increment();
            latency.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    private record InferenceMetersOfVersion(Counter rows, Timer latency) {
        void record(int scored, long nanos) {
            rows.increment(scored);
            latency.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    private record ModelLoadMeters(Timer duration, AtomicLong lastReloadEpochMillis) {
    }
}
