package org.mlplatform.builder.trainings.boundary;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Ready when the batch job repository answers: job submission and status both need it. */
@Readiness
@ApplicationScoped
public class JobRepositoryCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(JobRepositoryCheck.class.getName());

    @Override
    public HealthCheckResponse call() {
        try {
            int jobs = BatchRuntime.getJobOperator().getJobNames().size();
            return HealthCheckResponse.named("job-repository").up().withData("jobNames", jobs).build();
        } catch (RuntimeException e) {
            // the readiness answer is public: the message (which may hold the database URL) goes to the log only
            LOG.log(Level.WARNING, "the job repository does not answer", e);
            return HealthCheckResponse.named("job-repository").down()
                    .withData("error", "the job repository does not answer (" + e.getClass().getSimpleName() + ")").build();
        }
    }
}
