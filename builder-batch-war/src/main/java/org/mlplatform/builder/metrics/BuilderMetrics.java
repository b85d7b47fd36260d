package org.mlplatform.builder.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The builder's side of the server's Micrometer registry (metrics.cli exposes it at /metrics).
 * {@code mlplatform.metrics.enabled=false} records nothing.
 * <p>
 * Submissions through REST and JMS are counted where {@code TrainingJobs} starts them; an execution
 * that starts without passing there came from the admin console or jboss-cli ({@code channel="console"}).
 * The job can start running before {@code start} has returned its id, so the job's first callback
 * waits (at most 5 s) while a submission through the application is under way.
 */
@ApplicationScoped
public class BuilderMetrics {

    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

    @Inject
    MeterRegistry registry;

    @Inject
    @ConfigProperty(name = "mlplatform.metrics.enabled", defaultValue = "true")
    boolean enabled;

    private BuilderMeters meters;
    private ExportingRegistry exporting;
    private final Set<Long> startedByApplication = ConcurrentHashMap.newKeySet();
    private int submissionsUnderWay;

    @PostConstruct
    void register() {
        if (enabled) {
            exporting = ExportingRegistry.of(registry);
            meters = new BuilderMeters(exporting.registry(), exporting.tags());
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

    synchronized void submissionStarting() {
        submissionsUnderWay++;
    }

    /** @param executionId the execution started, or null when the submission was refused */
    synchronized void submissionEnded(Long executionId, String channel) {
        submissionsUnderWay--;
        if (executionId != null && meters != null) {
            startedByApplication.add(executionId);
            meters.submitted(channel);
        }
        notifyAll();
    }

    /** An execution of train-model begins on this server. */
    public void jobStarting(long executionId) {
        if (meters == null) {
            return;
        }
        synchronized (this) {
            long deadline = System.nanoTime() + WAIT_NANOS;
            while (!startedByApplication.contains(executionId) && submissionsUnderWay > 0 && System.nanoTime() < deadline) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, deadline - System.nanoTime());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (!startedByApplication.remove(executionId)) {
            meters.submitted(SubmittedThrough.CONSOLE);
        }
    }

    public void jobFinished(String batchStatus) {
        if (meters != null) {
            meters.finished(batchStatus);
        }
    }

    public void step(String step, long millis) {
        if (meters != null) {
            meters.step(step, millis);
        }
    }

    public void rowsTrained(String model, int rows) {
        if (meters != null) {
            meters.rowsTrained(model, rows);
        }
    }

    public void published(String model, int version, long millis, double accuracy, double logLoss, double rocAuc) {
        if (meters != null) {
            meters.published(model, version, millis, accuracy, logLoss, rocAuc);
        }
    }
}
