package org.mlplatform.inference.explanations.boundary;

import jakarta.json.Json;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.mlplatform.inference.explanations.control.ExplanationUnavailableException;
import org.mlplatform.inference.problems.boundary.ProblemTypes;

/** A version that cannot be explained: 409, {@code urn:mlplatform:problem:explanation-unavailable}, the reason as detail. */
@Provider
public class ExplanationUnavailableMapper implements ExceptionMapper<ExplanationUnavailableException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ExplanationUnavailableException unavailable) {
        int status = Response.Status.CONFLICT.getStatusCode();
        String problem = Json.createObjectBuilder()
                .add("type", ProblemTypes.EXPLANATION_UNAVAILABLE)
                .add("title", ProblemTypes.EXPLANATION_UNAVAILABLE_TITLE)
                .add("status", status)
                .add("detail", unavailable.getMessage())
                .add("instance", uri.getRequestUri().getRawPath())
                .build().toString();
        return Response.status(status).type(ProblemTypes.CONTENT_TYPE).entity(problem).build();
    }
}
