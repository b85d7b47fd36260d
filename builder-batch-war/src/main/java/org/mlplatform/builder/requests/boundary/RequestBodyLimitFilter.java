package org.mlplatform.builder.requests.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mlplatform.builder.requests.control.BodyLimit;

/**
 * Before any resource is matched or any body read: a body over {@value BodyLimit#SETTING} (default
 * 64 MiB) is refused with 413, from its Content-Length, or while it is read when it comes chunked
 * (also inside multipart parsing, so RESTEasy never buffers more than the limit). The server's own
 * filter (http.cli) sees only declared lengths; this one also sees chunked bodies.
 */
@Provider
@PreMatching
public class RequestBodyLimitFilter implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = BodyLimit.SETTING, defaultValue = BodyLimit.DEFAULT)
    long maxBodyBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        BodyLimit limit = new BodyLimit(maxBodyBytes);
        limit.checkDeclaredLength(request.getLength());
        if (request.hasEntity()) {
            request.setEntityStream(limit.bound(request.getEntityStream()));
        }
    }
}
