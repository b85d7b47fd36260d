package org.mlplatform.builder.problems.boundary;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.mlplatform.builder.problems.control.ProblemMapping;
import org.mlplatform.builder.problems.entity.Problem;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Every exception leaves the REST API as an {@code application/problem+json} body, never a stack trace. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        Problem problem = ProblemMapping.problemFor(exception);
        if (problem.status() >= 500) {
            LOG.log(Level.SEVERE, "request failed", exception);
        }
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (exception instanceof WebApplicationException web) {
            // keep e.g. WWW-Authenticate and Allow
            web.getResponse().getStringHeaders().forEach((name, values) -> {
                if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                    values.forEach(value -> response.header(name, value));
                }
            });
        }
        return response.build();
    }
}
