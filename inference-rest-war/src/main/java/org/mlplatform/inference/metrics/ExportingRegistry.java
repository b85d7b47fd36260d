package org.mlplatform.inference.metrics;

import java.lang.reflect.Field;
import java.util.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Where the application registers meters so that the server's Prometheus registry exports them,
 * histograms included.
 * <p>
 * The {@code MeterRegistry} WildFly 39 injects (its {@code ApplicationRegistry}) forwards only the
 * shorthand calls ({@code counter(name, tags)}, {@code timer(name, tags)}, {@code gauge(...)}) to the
 * server's registry, tagging them with the deployment; meters built with {@code Timer.builder(...)}
 * — the only way to ask for histogram buckets — stay in a private registry nobody scrapes. So this
 * takes the server registry the injected one wraps and adds the same deployment tag (which WildFly
 * uses to remove the deployment's meters at undeploy). When that is not possible (another WildFly
 * release), it falls back to the injected registry and says so in the log: then nothing built here
 * is exported, which {@code MetricsIT} catches.
 */
public record ExportingRegistry(MeterRegistry registry, Tags tags) {

    private static final Logger LOG = Logger.getLogger(ExportingRegistry.class.getName());
    static final String DEPLOYMENT_TAG = "WF_DEPLOYMENT";

    public static ExportingRegistry of(MeterRegistry injected) {
        try {
            Field parent = injected.getClass().getDeclaredField("parentRegistry");
            Field deployment = injected.getClass().getDeclaredField("deploymentName");
            parent.setAccessible(true);
            deployment.setAccessible(true);
            return new ExportingRegistry((MeterRegistry) parent.get(injected), Tags.of(DEPLOYMENT_TAG, (String) deployment.get(injected)));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warning(() -> "metrics: cannot reach the server registry behind " + injected.getClass().getName() + " (" + e
                    + "); application meters will not be exported");
            return new ExportingRegistry(injected, Tags.empty());
        }
    }

    /**
     * Removes the meters registered here, when the deployment stops. WildFly removes only those it
     * registered itself; a meter left behind would outlive the objects it reads (a gauge then shows
     * NaN) and the next deployment would get it back instead of its own.
     */
    public void removeMeters() {
        if (tags.stream().findAny().isEmpty()) {
            return;
        }
        registry.getMeters().stream()
                .filter(meter -> tags.stream().allMatch(tag -> tag.getValue().equals(meter.getId().getTag(tag.getKey()))))
                .forEach(registry::remove);
    }
}
