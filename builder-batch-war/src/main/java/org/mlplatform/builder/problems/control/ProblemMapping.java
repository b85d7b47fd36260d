package org.mlplatform.builder.problems.control;

import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.JobExecutionIsRunningException;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.mlplatform.builder.models.control.RegistryException;
import org.mlplatform.builder.problems.entity.Problem;
import org.mlplatform.builder.trainings.control.InvalidRequestException;

import java.util.List;

/**
 * Which problem a client sees for an exception. Client mistakes get their 4xx with the reason;
 * anything else is a 500 whose body says nothing about the server's insides.
 */
public final class ProblemMapping {

    public static final String INVALID_REQUEST = "urn:mlplatform:problem:invalid-request";

    private static final List<Class<? extends RuntimeException>> JOB_STATE_CONFLICTS = List.of(
            JobRestartException.class, JobExecutionAlreadyCompleteException.class,
            JobExecutionNotMostRecentException.class, JobExecutionNotRunningException.class,
            JobExecutionIsRunningException.class);

    private ProblemMapping() {
    }

    public static Problem problemFor(Throwable exception) {
        if (exception instanceof InvalidRequestException invalid) {
            return new Problem(INVALID_REQUEST, "Invalid training request", 400, invalid.getMessage(), invalid.field());
        }
        if (exception instanceof RegistryException registry) {
            return Problem.of(registry.status(), registry.status() == 404 ? "Not found" : "Conflict",
                    registry.getMessage());
        }
        if (exception instanceof NoSuchJobExecutionException) {
            return Problem.of(404, "Not found", exception.getMessage());
        }
        if (JOB_STATE_CONFLICTS.stream().anyMatch(type -> type.isInstance(exception))) {
            return Problem.of(409, "Conflict", "the training job is not in a state that allows this: "
                    + exception.getMessage());
        }
        Throwable malformed = malformedJson(exception);
        if (malformed != null) {
            return new Problem(INVALID_REQUEST, "Malformed request body", 400, malformed.getMessage(), "body");
        }
        if (exception instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status < 500) {
                Response.Status known = Response.Status.fromStatusCode(status);
                return Problem.of(status, known == null ? "Client error" : known.getReasonPhrase(), web.getMessage());
            }
        }
        if (exception instanceof ProcessingException) {
            return new Problem(INVALID_REQUEST, "Unreadable request", 400, exception.getMessage(), "body");
        }
        return Problem.of(500, "Internal server error", "The server failed to handle the request; its log has the details.");
    }

    private static Throwable malformedJson(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonbException || cause instanceof JsonException) {
                return cause;
            }
        }
        return null;
    }
}
