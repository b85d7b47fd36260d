package org.mlplatform.inference.models.boundary;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while the deployment answers: nothing inside it can wedge without the server's own checks
 * noticing, and an empty repository is a readiness matter, not a reason to restart.
 */
@Liveness
@ApplicationScoped
public class InferenceLivenessCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up("inference-service");
    }
}
