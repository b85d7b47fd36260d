package org.mlplatform.builder.trainings.boundary;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the batch job repository answers: job submission and status both need it. */
@Readiness
@ApplicationScoped
public class JobRepositoryCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        try {
            int jobs = BatchRuntime.getJobOperator().getJobNames().size();
            return HealthCheckResponse.named("job-repository").up().withData("jobNames", jobs).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("job-repository").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
