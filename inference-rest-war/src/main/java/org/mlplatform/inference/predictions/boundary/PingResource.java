package org.mlplatform.inference.predictions.boundary;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Answers without touching any model: a reachability probe for load balancers and the baseline
 * the benchmark measures the predict endpoint against (the cost of HTTP and JAX-RS alone).
 */
@Path("api/ping")
@Tag(name = "models")
public class PingResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Reachability probe: answers 'pong' without touching any model")
    public String ping() {
        return "pong";
    }
}
