package org.mlplatform.builder.problems.control;

import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.JobExecutionIsRunningException;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.mlplatform.builder.models.control.RegistryException;
import org.mlplatform.builder.problems.entity.Problem;
import org.mlplatform.builder.requests.control.RequestTooLargeException;
import org.mlplatform.builder.trainings.control.InvalidRequestException;
import org.mlplatform.builder.trainings.control.MalformedBodyException;

import java.util.List;

/**
 * Which problem a client sees for an exception. Client mistakes get their 4xx with the reason;
 * anything else is a 500 whose body says nothing about the server's insides. The types are the
 * platform's ({@link ProblemTypes}, README "Errors"), one per kind of mistake and the same the
 * inference service answers:
 * <ul>
 *   <li>400 {@code invalid-request}, the title naming the mistake: {@code Malformed JSON},
 *       {@code Duplicate member}, {@code Malformed request} (the body or a part is not one flat JSON
 *       object), {@code Invalid training request} (an option or data file; {@code field} names it),
 *       {@code Invalid alias request}, {@code Invalid model import} (an imported ONNX graph or its labels;
 *       {@code field} names the part), {@code Invalid version} / {@code Invalid execution id} (a path
 *       number that is not a positive integer)</li>
 *   <li>404 {@code not-found}, 409 {@code conflict}, 413 {@code request-too-large},
 *       415 {@code unsupported-media-type} (also an imported file that is not ONNX at all), 500 {@code internal-error}, with their types' titles</li>
 * </ul>
 */
public final class ProblemMapping {

    static final String ACCEPTS = "application/json, or multipart/form-data with a boundary (POST /trainings, "
            + "POST /models/{model}/versions)";

    private static final List<Class<? extends RuntimeException>> JOB_STATE_CONFLICTS = List.of(
            JobRestartException.class, JobExecutionAlreadyCompleteException.class,
            JobExecutionNotMostRecentException.class, JobExecutionNotRunningException.class,
            JobExecutionIsRunningException.class);

    private ProblemMapping() {
    }

    public static Problem problemFor(Throwable exception) {
        // Reading a chunked body past the limit fails inside RESTEasy's readers, which may wrap it
        RequestTooLargeException tooLarge = causeOf(exception, RequestTooLargeException.class);
        if (tooLarge != null) {
            return Problem.of(413, tooLarge.getMessage());
        }
        if (exception instanceof MalformedBodyException malformed) {
            return Problem.invalid(malformed.title(), malformed.getMessage(), malformed.field());
        }
        if (exception instanceof InvalidRequestException invalid) {
            return Problem.invalid("Invalid training request", invalid.getMessage(), invalid.field());
        }
        if (exception instanceof InvalidPathParameterException path) {
            return Problem.invalid(path.title(), path.getMessage(), path.parameter());
        }
        if (exception instanceof RegistryException registry) {
            if (registry.status() == 400) {
                return Problem.invalid(registry.title(), registry.getMessage(), registry.field());
            }
            return new Problem(ProblemTypes.of(registry.status()), ProblemTypes.titleOf(registry.status()), registry.status(),
                    registry.getMessage(), registry.field());
        }
        if (exception instanceof NoSuchJobExecutionException) {
            return Problem.of(404, exception.getMessage());
        }
        if (JOB_STATE_CONFLICTS.stream().anyMatch(type -> type.isInstance(exception))) {
            return Problem.of(409, "the training job is not in a state that allows this: " + exception.getMessage());
        }
        if (causeOf(exception, JsonbException.class) != null || causeOf(exception, JsonException.class) != null) {
            return Problem.invalid(ProblemTypes.MALFORMED_JSON, "the request body is not valid JSON", "body");
        }
        if (exception instanceof NotSupportedException) {
            return Problem.of(415, "send " + ACCEPTS);
        }
        if (exception instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status < 500) {
                // RESTEasy's own messages name internal methods (RESTEASY003210 ...): say what the client can act on
                return Problem.of(status, switch (status) {
                    case 401 -> "this operation needs an application user in role model-admin (HTTP Basic authentication)";
                    case 403 -> "this operation needs the role model-admin";
                    case 404 -> "there is nothing at this URL";
                    case 405 -> "this method is not allowed on this URL";
                    case 406 -> "this resource answers application/json";
                    default -> "the request cannot be read as this endpoint expects it (see the OpenAPI document at /builder/openapi)";
                });
            }
        }
        if (exception instanceof ProcessingException) {
            return Problem.invalid(ProblemTypes.MALFORMED_REQUEST, "the request body cannot be read", "body");
        }
        return Problem.of(500, ProblemTypes.INTERNAL_ERROR_DETAIL);
    }

    /** The exception itself or the first of its causes of the type. */
    private static <T extends Throwable> T causeOf(Throwable exception, Class<T> type) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
