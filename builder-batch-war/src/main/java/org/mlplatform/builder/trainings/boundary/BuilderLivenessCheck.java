package org.mlplatform.builder.trainings.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** The builder deployment is up; nothing in it can wedge without the server's own checks noticing. */
@Liveness
@ApplicationScoped
public class BuilderLivenessCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up("builder");
    }
}
