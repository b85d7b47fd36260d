package org.mlplatform.inference.scorings.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.mlplatform.inference.problems.boundary.ProblemTypes;
import org.mlplatform.inference.scorings.control.ScoringException;

/**
 * A refused scoring request or operation as an RFC 9457 problem ({@code application/problem+json})
 * in the inference service's vocabulary ({@link ProblemTypes}: one type per status, README "Errors"),
 * whose {@code field} names the request member or path parameter at fault.
 */
@Provider
public class ScoringProblemMapper implements ExceptionMapper<ScoringException> {

    static final MediaType PROBLEM_JSON = MediaType.valueOf(ProblemTypes.CONTENT_TYPE);

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ScoringException error) {
        return Response.status(error.status()).type(PROBLEM_JSON).entity(problem(error, uri == null ? null : uri.getRequestUri().getRawPath()))
                .build();
    }

    /** The problem document of a refusal; {@code instance} is the request path when there is one. */
    static String problem(ScoringException error, String instance) {
        JsonObjectBuilder problem = Json.createObjectBuilder()
                .add("type", ProblemTypes.of(error.status()))
                .add("title", error.title())
                .add("status", error.status())
                .add("detail", error.getMessage());
        if (error.field() != null) {
            problem.add("field", error.field());
        }
        if (instance != null) {
            problem.add("instance", instance);
        }
        return problem.build().toString();
    }
}
