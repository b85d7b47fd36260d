package org.mlplatform.inference.predictions.boundary;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJBAccessException;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.mlplatform.inference.models.control.ModelNotFoundException;
import org.mlplatform.inference.predictions.control.InvalidInputException;
import org.mlplatform.inference.problems.boundary.ProblemTypes;

/**
 * Every error leaves as an RFC 9457 problem ({@code application/problem+json}, naming row and
 * column where they apply), or as the Open Inference Protocol's {@code {"error": "..."}} under
 * {@code /v2}. Nothing unexpected leaks a stack trace: it is logged and answered with a plain 500.
 */
@Provider
public class ErrorResponseMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ErrorResponseMapper.class.getName());
    static final MediaType PROBLEM_JSON = MediaType.valueOf(ProblemTypes.CONTENT_TYPE);

    @Context
    UriInfo uri;

    @Context
    SecurityContext security;

    @Override
    public Response toResponse(Throwable error) {
        InvalidInputException invalid = causeOf(error, InvalidInputException.class);
        if (invalid != null) {
            return respond(Response.status(invalid.status()), invalid.title(), invalid.getMessage(), invalid.row(), invalid.column());
        }
        if (error instanceof ModelNotFoundException notFound) {
            return respond(Response.status(Response.Status.NOT_FOUND), ProblemTypes.titleOf(404), notFound.getMessage(), null, null);
        }
        if (error instanceof EJBAccessException || error instanceof ForbiddenException) {
            // A refused request is the client's mistake, not the service's: no stack trace in the log
            LOG.log(Level.FINE, "refused " + path(), error);
            boolean anonymous = security == null || security.getUserPrincipal() == null;
            Response.ResponseBuilder response = anonymous
                    ? Response.status(Response.Status.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"ApplicationRealm\"")
                    : Response.status(Response.Status.FORBIDDEN);
            return respond(response, ProblemTypes.titleOf(anonymous ? 401 : 403),
                    anonymous ? ProblemTypes.unauthorizedDetail(false) : "this operation needs the role model-admin", null, null);
        }
        if (error instanceof NotSupportedException) {
            return respond(Response.status(Response.Status.UNSUPPORTED_MEDIA_TYPE), ProblemTypes.titleOf(415),
                    "send " + (isOpenInferenceProtocol() ? RequestBodyFilter.INFER_ACCEPTS : RequestBodyFilter.PREDICT_ACCEPTS), null, null);
        }
        if (error instanceof WebApplicationException web) {
            LOG.log(Level.FINE, "refused " + path(), error);
            Response original = web.getResponse();
            Response.ResponseBuilder response = Response.status(original.getStatus());
            original.getStringHeaders().forEach((name, values) -> {
                if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                    values.forEach(value -> response.header(name, value));
                }
            });
            // RESTEasy's own messages name internal methods (RESTEASY003320 ...): say what the client can act on
            String detail = switch (original.getStatus()) {
                case 404 -> "there is nothing at /" + path();
                case 405 -> "this method is not allowed on /" + path();
                case 406 -> "this resource answers application/json";
                case 503 -> "all inference slots are busy; retry after the Retry-After seconds";
                default -> "the request cannot be read as this endpoint expects it (see the OpenAPI document at /openapi)";
            };
            return respond(response, ProblemTypes.titleOf(original.getStatus()), detail, null, null);
        }
        LOG.log(Level.SEVERE, "unexpected error answering " + path(), error);
        return respond(Response.serverError(), ProblemTypes.titleOf(500), ProblemTypes.INTERNAL_ERROR_DETAIL, null, null);
    }

    private String path() {
        return uri == null ? "" : uri.getPath().startsWith("/") ? uri.getPath().substring(1) : uri.getPath();
    }

    /** The exception itself or the first of its causes of the type: multipart parsing wraps what the body stream throws. */
    static <T extends Throwable> T causeOf(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private Response respond(Response.ResponseBuilder response, String title, String detail, Integer row, Integer column) {
        Response partial = response.build();
        int status = partial.getStatus();
        if (isOpenInferenceProtocol()) {
            return response.type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Json.createObjectBuilder().add("error", detail == null ? title : detail).build().toString())
                    .build();
        }
        JsonObjectBuilder problem = Json.createObjectBuilder()
                .add("type", ProblemTypes.of(status))
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            problem.add("detail", detail);
        }
        if (row != null) {
            problem.add("row", row);
        }
        if (column != null) {
            problem.add("column", column);
        }
        if (uri != null) {
            problem.add("instance", uri.getRequestUri().getRawPath());
        }
        return response.type(PROBLEM_JSON).entity(problem.build().toString()).build();
    }

    private boolean isOpenInferenceProtocol() {
        if (uri == null) {
            return false;
        }
        String path = uri.getPath();
        return path.equals("v2") || path.equals("/v2") || path.startsWith("v2/") || path.startsWith("/v2/");
    }
}
