package org.mlplatform.builder.trainings.boundary;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.mlplatform.builder.problems.entity.Problem;

/**
 * Refuses a {@code multipart/form-data} request without a boundary with 415, as the inference service
 * does: it is not a media type the builder can read. The multipart reader would fail with a plain
 * {@code IOException}, which cannot be told apart from a server fault.
 */
@Provider
public class MultipartBoundaryFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type != null && type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)
                && type.getParameters().getOrDefault("boundary", "").isBlank()) {
            request.abortWith(Response.status(415).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(415, "multipart/form-data needs a boundary parameter; send application/json, "
                            + "or multipart/form-data with a boundary"))
                    .build());
        }
    }
}
