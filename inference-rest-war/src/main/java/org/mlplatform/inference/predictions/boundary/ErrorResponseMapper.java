package org.mlplatform.inference.predictions.boundary;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJBAccessException;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
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

/**
 * Every error leaves as an RFC 9457 problem ({@code application/problem+json}, naming row and
 * column where they apply), or as the Open Inference Protocol's {@code {"error": "..."}} under
 * {@code /v2}. Nothing unexpected leaks a stack trace: it is logged and answered with a plain 500.
 */
@Provider
public class ErrorResponseMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ErrorResponseMapper.class.getName());
    static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

    @Context
    UriInfo uri;

    @Context
    SecurityContext security;

    @Override
    public Response toResponse(Throwable error) {
        if (error instanceof InvalidInputException invalid) {
            return respond(Response.status(invalid.status()), invalid.title(), invalid.getMessage(), invalid.row(), invalid.column());
        }
        if (error instanceof ModelNotFoundException notFound) {
            return respond(Response.status(Response.Status.NOT_FOUND), "Model not found", notFound.getMessage(), null, null);
        }
        if (error instanceof EJBAccessException) {
            boolean anonymous = security == null || security.getUserPrincipal() == null;
            Response.ResponseBuilder response = anonymous
                    ? Response.status(Response.Status.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"ApplicationRealm\"")
                    : Response.status(Response.Status.FORBIDDEN);
            return respond(response, anonymous ? "Unauthorized" : "Forbidden", "this operation needs the role model-admin", null, null);
        }
        if (error instanceof NotSupportedException) {
            return respond(Response.status(Response.Status.UNSUPPORTED_MEDIA_TYPE), "Unsupported Media Type",
                    "send application/json, text/csv or multipart/form-data (part 'file') as the request's Content-Type", null, null);
        }
        if (error instanceof WebApplicationException web) {
            Response original = web.getResponse();
            Response.ResponseBuilder response = Response.status(original.getStatus());
            original.getStringHeaders().forEach((name, values) -> {
                if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                    values.forEach(value -> response.header(name, value));
                }
            });
            return respond(response, original.getStatusInfo().getReasonPhrase(), web.getMessage(), null, null);
        }
        LOG.log(Level.SEVERE, "unexpected error answering " + (uri == null ? "a request" : uri.getPath()), error);
        return respond(Response.serverError(), "Internal error", "the service failed to answer this request; the server log has details",
                null, null);
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
                .add("type", "about:blank")
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
