package org.mlplatform.inference.predictions.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Answers without touching any model: a reachability probe for load balancers and the baselines
 * the benchmark measures the predict endpoint against. GET is the cost of HTTP and JAX-RS alone;
 * POST also reads a request body (the same one a single-row predict reads) and answers a small
 * constant JSON document, which is the floor a predict request stands on.
 */
@Path("api/ping")
@Tag(name = "models")
public class PingResource {

    static final String POST_ANSWER = "{\"pong\":true}";

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Reachability probe: answers 'pong' without touching any model")
    public String ping() {
        return "pong";
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Benchmark aid: reads the request body and answers {\"pong\":true} without touching any model",
            description = "The floor under POST /api/models/{model}/predict: HTTP, JAX-RS and reading a body, no parsing and no inference.")
    // Any body is read; documented with the predict example so that Swagger UI has one to send
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PredictRequest"),
            examples = @ExampleObject(name = "two rows", value = PredictionsResource.JSON_EXAMPLE)))
    public String pingWithBody(InputStream body) throws IOException {
        body.transferTo(OutputStream.nullOutputStream());
        return POST_ANSWER;
    }
}
