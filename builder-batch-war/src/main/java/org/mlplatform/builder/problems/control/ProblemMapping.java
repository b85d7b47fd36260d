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
import org.mlplatform.builder.trainings.control.MalformedBodyException;

import java.util.List;

/**
 * Which problem a client sees for an exception. Client mistakes get their 4xx with the reason;
 * anything else is a 500 whose body says nothing about the server's insides. One type (and title)
 * per kind of mistake, as the README's error table lists them:
 * <ul>
 *   <li>400 {@link #MALFORMED_BODY}: the body or a part cannot be read as one flat JSON object (or multipart)</li>
 *   <li>400 {@link #INVALID_REQUEST}: a training option or data file is wrong; {@code field} names it</li>
 *   <li>400 {@link #INVALID_ALIAS_REQUEST}: the alias body is not {@code {"version": <positive integer>}}</li>
 *   <li>400 {@link #INVALID_PATH_PARAMETER}: an id or version in the path is not a positive integer</li>
 *   <li>404, 409, 500: {@code about:blank} with the status's own title</li>
 * </ul>
 */
public final class ProblemMapping {

    public static final String INVALID_REQUEST = "urn:mlplatform:problem:invalid-request";
    public static final String MALFORMED_BODY = "urn:mlplatform:problem:malformed-body";
    public static final String INVALID_ALIAS_REQUEST = "urn:mlplatform:problem:invalid-alias-request";
    public static final String INVALID_PATH_PARAMETER = "urn:mlplatform:problem:invalid-path-parameter";
    public static final String MALFORMED_BODY_TITLE = "Malformed request body";

    private static final List<Class<? extends RuntimeException>> JOB_STATE_CONFLICTS = List.of(
            JobRestartException.class, JobExecutionAlreadyCompleteException.class,
            JobExecutionNotMostRecentException.class, JobExecutionNotRunningException.class,
            JobExecutionIsRunningException.class);

    private ProblemMapping() {
    }

    public static Problem problemFor(Throwable exception) {
        if (exception instanceof MalformedBodyException malformed) {
            return new Problem(MALFORMED_BODY, MALFORMED_BODY_TITLE, 400, malformed.getMessage(), malformed.field());
        }
        if (exception instanceof InvalidRequestException invalid) {
            return new Problem(INVALID_REQUEST, "Invalid training request", 400, invalid.getMessage(), invalid.field());
        }
        if (exception instanceof InvalidPathParameterException path) {
            return new Problem(INVALID_PATH_PARAMETER, "Invalid path parameter", 400, path.getMessage(), path.parameter());
        }
        if (exception instanceof RegistryException registry) {
            if (registry.status() == 400) {
                return new Problem(INVALID_ALIAS_REQUEST, "Invalid alias request", 400, registry.getMessage(),
                        registry.field());
            }
            return Problem.of(registry.status(), registry.status() == 404 ? "Not Found" : "Conflict",
                    registry.getMessage());
        }
        if (exception instanceof NoSuchJobExecutionException) {
            return Problem.of(404, "Not Found", exception.getMessage());
        }
        if (JOB_STATE_CONFLICTS.stream().anyMatch(type -> type.isInstance(exception))) {
            return Problem.of(409, "Conflict", "the training job is not in a state that allows this: "
                    + exception.getMessage());
        }
        Throwable malformed = malformedJson(exception);
        if (malformed != null) {
            return new Problem(MALFORMED_BODY, MALFORMED_BODY_TITLE, 400, "the request body is not valid JSON", "body");
        }
        if (exception instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status < 500) {
                Response.Status known = Response.Status.fromStatusCode(status);
                return Problem.of(status, known == null ? "Client error" : known.getReasonPhrase(), web.getMessage());
            }
        }
        if (exception instanceof ProcessingException) {
            return new Problem(MALFORMED_BODY, MALFORMED_BODY_TITLE, 400, "the request body cannot be read", "body");
        }
        return Problem.of(500, "Internal Server Error", "The server failed to handle the request; its log has the details.");
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
