package org.mlplatform.builder.trainings.boundary;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.mlplatform.builder.problems.control.ProblemMapping;
import org.mlplatform.builder.problems.entity.Problem;

/**
 * Refuses a {@code multipart/form-data} request without a boundary with 400. The multipart reader
 * would fail with a plain {@code IOException}, which cannot be told apart from a server fault.
 */
@Provider
public class MultipartBoundaryFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type != null && type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)
                && type.getParameters().getOrDefault("boundary", "").isBlank()) {
            request.abortWith(Response.status(400).type(Problem.MEDIA_TYPE)
                    .entity(new Problem(ProblemMapping.MALFORMED_BODY, ProblemMapping.MALFORMED_BODY_TITLE, 400,
                            "multipart/form-data needs a boundary parameter", "body"))
                    .build());
        }
    }
}
