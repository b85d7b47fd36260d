package org.mlplatform.inference.models.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.mlplatform.inference.models.control.ServedModels;

/** Ready when at least one model version is loaded and warmed up; {@code /v2/health/ready} agrees. */
@Readiness
@ApplicationScoped
public class ModelsReadinessCheck implements HealthCheck {

    @Inject
    ServedModels served;

    @Override
    public HealthCheckResponse call() {
        long versions = served.states().stream().mapToLong(state -> state.loaded().size()).sum();
        return HealthCheckResponse.named("models-loaded")
                .status(versions > 0)
                .withData("loadedVersions", versions)
                .build();
    }
}
