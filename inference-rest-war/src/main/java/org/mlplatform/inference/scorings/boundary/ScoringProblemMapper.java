package org.mlplatform.inference.scorings.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.mlplatform.inference.scorings.control.ScoringException;

/**
 * A refused scoring request or operation as an RFC 9457 problem ({@code application/problem+json})
 * whose {@code field} names the request member at fault.
 */
@Provider
public class ScoringProblemMapper implements ExceptionMapper<ScoringException> {

    static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ScoringException error) {
        JsonObjectBuilder problem = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", error.title())
                .add("status", error.status())
                .add("detail", error.getMessage());
        if (error.field() != null) {
            problem.add("field", error.field());
        }
        if (uri != null) {
            problem.add("instance", uri.getRequestUri().getRawPath());
        }
        return Response.status(error.status()).type(PROBLEM_JSON).entity(problem.build().toString()).build();
    }
}
