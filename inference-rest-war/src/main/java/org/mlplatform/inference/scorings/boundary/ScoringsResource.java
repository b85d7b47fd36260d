package org.mlplatform.inference.scorings.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mlplatform.inference.scorings.control.ScoringException;
import org.mlplatform.inference.scorings.control.ScoringFolders;
import org.mlplatform.inference.scorings.control.ScoringJobs;
import org.mlplatform.inference.scorings.control.ScoringRequestParser;
import org.mlplatform.inference.scorings.control.ScoringUploads;
import org.mlplatform.inference.scorings.entity.ScoringExecution;
import org.mlplatform.inference.scorings.entity.ScoringParameter;

/**
 * Submits {@code score-file} jobs and reports on them. A stateless bean so that {@code @RolesAllowed}
 * is enforced (writes need role model-admin); no transaction, so the job repository commits a new
 * execution at once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@Path("api/scorings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "scorings", description = "Score a CSV file with a model version (Jakarta Batch job score-file)")
public class ScoringsResource {

    static final String REQUEST_EXAMPLE = """
            {"model": "default", "version": "production", "input": "default/test_data.csv",
             "includeInput": false, "badRows": "fail", "checkpointRows": 100000}""";

    @Inject
    ScoringJobs jobs;

    @Inject
    ScoringFolders folders;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("model-admin")
    @Operation(summary = "Start a scoring job", description = "Checks the parameters, then starts score-file. Paths are relative to the data folder.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "test set", value = REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "202", description = "Started; Location is the execution")
    @APIResponse(responseCode = "400", description = "A parameter is invalid; field names it (problem+json)")
    @APIResponse(responseCode = "404", description = "Unknown model or version (problem+json)")
    @APIResponse(responseCode = "401", description = "No credentials")
    @APIResponse(responseCode = "403", description = "Not in role model-admin")
    public Response submit(String body) {
        return accepted(jobs.start(ScoringRequestParser.parse(body)));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed("model-admin")
    @Operation(summary = "Upload a CSV file and start a scoring job",
            description = "The file part 'input' is stored in the data folder as uploads/<sha256>.csv; the other parameters come "
                    + "as a JSON part named 'parameters' or as one text field each.")
    @APIResponse(responseCode = "202", description = "Started; Location is the execution")
    @APIResponse(responseCode = "400", description = "A part or a parameter is invalid (problem+json)")
    public Response upload(List<EntityPart> parts) throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>();
        String input = null;
        for (EntityPart part : parts) {
            String name = part.getName();
            if (ScoringParameter.INPUT.key().equals(name) && part.getFileName().isPresent()) {
                try (InputStream content = part.getContent()) {
                    input = ScoringUploads.store(folders.data(), content);
                }
            } else if ("parameters".equals(name)) {
                parameters.putAll(ScoringRequestParser.parse(part.getContent(String.class)));
            } else {
                parameters.put(name, part.getContent(String.class));
            }
        }
        if (input == null) {
            throw ScoringException.invalid("input", "the multipart body needs a file part named 'input' holding the CSV");
        }
        parameters.put(ScoringParameter.INPUT.key(), input);
        return accepted(jobs.start(parameters));
    }

    @GET
    @PermitAll
    @Operation(summary = "List scoring executions, newest first")
    public List<ScoringExecution> list() {
        return jobs.list();
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(summary = "Status of a scoring execution",
            description = "Batch status, the resolved version, rows done and total, rows per second, rejected rows, the output path "
                    + "relative to the data folder (outputReady once it is complete), or why it failed")
    @APIResponse(responseCode = "404", description = "No such scoring execution (problem+json)")
    public ScoringExecution execution(@PathParam("id") long id) {
        return jobs.describe(id);
    }

    @POST
    @Path("{id}/restart")
    @RolesAllowed("model-admin")
    @Operation(summary = "Restart a failed, stopped or crashed scoring execution",
            description = "Resumes at the last checkpoint with the same model version. Location is the new execution.")
    @APIResponse(responseCode = "202", description = "Restarted")
    @APIResponse(responseCode = "409", description = "The execution completed, is running or is not the latest of its job")
    public Response restart(@PathParam("id") long id) {
        return accepted(jobs.restart(id));
    }

    @POST
    @Path("{id}/stop")
    @RolesAllowed("model-admin")
    @Operation(summary = "Stop a running scoring execution", description = "It stops at the end of the current chunk; restart resumes it.")
    @APIResponse(responseCode = "202", description = "Stopping")
    @APIResponse(responseCode = "409", description = "The execution is not running")
    public Response stop(@PathParam("id") long id) {
        return Response.accepted(jobs.stop(id)).build();
    }

    private Response accepted(ScoringExecution execution) {
        URI location = uriInfo.getBaseUriBuilder().path("api/scorings/{id}").build(execution.id());
        return Response.accepted(execution).location(location).build();
    }
}
