package org.mlplatform.builder.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/** The builder's meters, as Prometheus shows them under {@code mlplatform_builder_}. */
public class BuilderMeters {

    /** Step and publish durations: 10 ms to 30 min. */
    static final Duration[] DURATION_BUCKETS = {
        Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2_500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
        Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30)};

    private final MeterRegistry registry;
    private final Tags common;
    private final Map<String, Counter> submitted = new ConcurrentHashMap<>();
    private final Map<String, Counter> finished = new ConcurrentHashMap<>();
    private final Map<String, Timer> steps = new ConcurrentHashMap<>();
    private final Map<String, Counter> rows = new ConcurrentHashMap<>();
    private final Map<String, ModelMeters> models = new ConcurrentHashMap<>();

    /** @param common tags every meter gets (the deployment tag WildFly removes meters by) */
    public BuilderMeters(MeterRegistry registry, Tags common) {
        this.registry = registry;
        this.common = common;
    }

    public void submitted(String channel) {
        submitted.computeIfAbsent(channel, name -> Counter.builder("mlplatform.builder.jobs.submitted")
                .description("train-model executions started (restarts included), by the door they came through")
                .tag("channel", name).tags(common).register(registry)).increment();
    }

    public void finished(String batchStatus) {
        finished.computeIfAbsent(batchStatus, name -> Counter.builder("mlplatform.builder.jobs.finished")
                .description("train-model executions that ended, by batch status")
                .tag("status", name).tags(common).register(registry)).increment();
    }

    public void step(String step, long millis) {
        steps.computeIfAbsent(step, name -> Timer.builder("mlplatform.builder.step.duration")
                .description("Duration of each train-model step execution")
                .tag("step", name).serviceLevelObjectives(DURATION_BUCKETS).tags(common).register(registry))
                .record(millis, TimeUnit.MILLISECONDS);
    }

    public void rowsTrained(String model, int count) {
        rows.computeIfAbsent(model, name -> Counter.builder("mlplatform.builder.rows.trained")
                .description("Training rows the final fit of each job used")
                .tag("model", name).tags(common).register(registry)).increment(count);
    }

    /**
     * A version was published in {@code millis}; its cross-validation means (NaN when the job ran
     * none, ROC-AUC also NaN for more than two classes) become the model's gauges.
     */
    public void published(String model, int version, long millis, double accuracy, double logLoss, double rocAuc) {
        ModelMeters meters = models.computeIfAbsent(model, this::modelMeters);
        meters.publishes.increment();
        meters.duration.record(millis, TimeUnit.MILLISECONDS);
        meters.latest = new Published(version, accuracy, logLoss, rocAuc);
    }

    private ModelMeters modelMeters(String model) {
        ModelMeters meters = new ModelMeters(
                Counter.builder("mlplatform.builder.publishes").description("Versions published")
                        .tag("model", model).tags(common).register(registry),
                Timer.builder("mlplatform.builder.publish.duration").description("Duration of the publish step")
                        .tag("model", model).serviceLevelObjectives(DURATION_BUCKETS).tags(common).register(registry));
        gauge("mlplatform.builder.published.version", "Version number this server last published", model, meters, p -> p.version());
        gauge("mlplatform.builder.cv.accuracy", "Mean cross-validation accuracy of the last published version", model, meters,
                Published::accuracy);
        gauge("mlplatform.builder.cv.log.loss", "Mean cross-validation log-loss of the last published version", model, meters,
                Published::logLoss);
        gauge("mlplatform.builder.cv.roc.auc", "Mean cross-validation ROC-AUC of the last published version", model, meters,
                Published::rocAuc);
        return meters;
    }

    private void gauge(String name, String description, String model, ModelMeters meters,
                       java.util.function.ToDoubleFunction<Published> value) {
        Gauge.builder(name, meters, m -> m.latest == null ? Double.NaN : value.applyAsDouble(m.latest))
                .description(description).tag("model", model).tags(common).strongReference(true).register(registry);
    }

    private record Published(int version, double accuracy, double logLoss, double rocAuc) {
    }

    private static final class ModelMeters {
        final Counter publishes;
        final Timer duration;
        volatile Published latest;

        ModelMeters(Counter publishes, Timer duration) {
            this.publishes = publishes;
            this.duration = duration;
        }
    }
}
