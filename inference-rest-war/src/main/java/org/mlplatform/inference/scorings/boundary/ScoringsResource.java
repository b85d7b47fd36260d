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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
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
 * execution at once. Path ids are strings checked here, as versions are on the other resources: a
 * malformed id is a 400, a well-formed one that is no scoring execution a 404.
 *
 * <p>The OpenAPI examples tell the story of README "OpenAPI UI": on the system ./run.sh starts (the
 * default training is execution 1 of the job repository both services share), the start example
 * becomes execution 2, slowed down so that stop finds it running; restart resumes it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@Path("api/scorings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "scorings", description = "Score a CSV file with a model version (Jakarta Batch job score-file)")
public class ScoringsResource {

    /** The default model's test set (80 rows) with version 1, slowed to 4 rows/s (20 s) so that "stop" finds it running. */
    static final String REQUEST_EXAMPLE = """
            {"model": "default", "version": 1, "input": "default/test_data.csv", "includeInput": false, "badRows": "fail",
             "checkpointRows": 8, "batchRows": 4, "maxRowsPerSecond": 4}""";
    static final String EXECUTION_EXAMPLE = """
            {"id": 2, "instanceId": 2, "status": "COMPLETED", "exitStatus": "COMPLETED scorings/test_data.default-v1.2.csv",
             "model": "default", "versionRequested": "1", "version": 1, "input": "default/test_data.csv",
             "output": "scorings/test_data.default-v1.2.csv", "outputReady": true, "rowsDone": 80, "rowsTotal": 80,
             "rowsRejected": 0, "rowsPerSecond": 4.0, "resumedAtRow": 0, "created": "2026-12-01T18:00:00Z",
             "started": "2026-12-01T18:00:00.100Z", "ended": "2026-12-01T18:00:20.300Z",
             "parameters": {"badRows": "fail", "batchRows": "4", "checkpointRows": "8", "includeInput": "false",
                            "input": "default/test_data.csv", "maxRowsPerSecond": "4", "model": "default", "version": "1"}}""";
    static final String FAILED_EXAMPLE = """
            {"id": 7, "instanceId": 6, "status": "FAILED", "exitStatus": "FAILED score: big.csv line 17, column 3: 'abc' is not a number",
             "model": "default", "versionRequested": "latest", "version": 1, "input": "big.csv", "output": "scorings/big.default-v1.6.csv",
             "outputReady": false, "rowsDone": 0, "rowsTotal": 1000, "rowsRejected": 0, "resumedAtRow": 0,
             "created": "2026-12-01T18:00:00Z", "started": "2026-12-01T18:00:00.100Z", "ended": "2026-12-01T18:00:00.400Z",
             "parameters": {"input": "big.csv", "model": "default"}, "failure": "score: big.csv line 17, column 3: 'abc' is not a number"}""";
    static final String CONFLICT_EXAMPLE = """
            {"type": "urn:mlplatform:problem:conflict", "title": "Conflict", "status": 409,
             "detail": "execution 2 completed; start a new job to score again", "instance": "/api/scorings/2/restart"}""";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String ID_DOC = "Scoring execution id (execution ids are shared with the builder's training jobs: one "
            + "job repository). The example, 2, is the start example's execution on the system ./run.sh starts, whose default "
            + "training is execution 1 (README, 'OpenAPI UI')";
    private static final String STOP_RESTART_ID_DOC = ID_DOC + ": stop it while it runs (the example takes 20 s), then restart it.";

    @Inject
    ScoringJobs jobs;

    @Inject
    ScoringFolders folders;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("model-admin")
    @SecurityRequirement(name = "basic")
    @Operation(summary = "Start a scoring job (role model-admin)",
            description = "Checks the parameters, then starts score-file. Paths are relative to the data folder. JSON: the job "
                    + "parameters as one object. Multipart: the CSV file in the part 'input' (stored in the data folder as "
                    + "uploads/<sha256>.csv), the other parameters as a JSON part named 'parameters' or one text field each.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ScoringRequest"),
            examples = @ExampleObject(name = "test set", summary = "The default model's test set, slowed down to 20 s",
                    value = REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "202", description = "Started; Location is the execution",
            headers = @Header(name = "Location", description = "/api/scorings/<execution id>", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ScoringExecution")))
    @APIResponse(responseCode = "400", description = "A parameter is invalid or the body is not one JSON object; field names the member",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "401", description = "No credentials", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "403", description = "Not in role model-admin",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "Unknown model or version; field names it",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "Problem")))
    public Response submit(String body) {
        return accepted(jobs.start(ScoringRequestParser.parse(body)));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed("model-admin")
    @SecurityRequirement(name = "basic")
    @Operation(summary = "Start a scoring job (role model-admin)")
    // The parts are read as a list (a file part and any text parts): the body's schema is named here
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(ref = "ScoringUpload")))
    // Each method of the shared operation declares its 202, or SmallRye adds its Response return type to the schema
    @APIResponse(responseCode = "202", description = "Started; Location is the execution",
            headers = @Header(name = "Location", description = "/api/scorings/<execution id>", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ScoringExecution")))
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
    @APIResponse(responseCode = "200", description = "The executions of the latest 100 scoring jobs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ScoringExecutions"),
                    examples = @ExampleObject(name = "one job", value = "[" + EXECUTION_EXAMPLE + "]")))
    public List<ScoringExecution> list() {
        return jobs.list();
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(summary = "Status of a scoring execution",
            description = "Batch status, the resolved version, rows done and total (once counted, beside the scoring), rows per "
                    + "second, rejected rows, the output path relative to the data folder (outputReady once it is complete), or why it failed")
    @APIResponse(responseCode = "200", description = "The execution",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ScoringExecution"),
                    examples = {@ExampleObject(name = "completed", value = EXECUTION_EXAMPLE),
                            @ExampleObject(name = "failed", value = FAILED_EXAMPLE)}))
    @APIResponse(responseCode = "400", description = "The id is not a positive integer",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "No such scoring execution",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "Problem")))
    public ScoringExecution execution(@PathParam("id") @Parameter(description = ID_DOC, example = "2",
            schema = @Schema(type = SchemaType.INTEGER, format = "int64")) String id) {
        return jobs.describe(executionId(id));
    }

    @POST
    @Path("{id}/restart")
    @RolesAllowed("model-admin")
    @SecurityRequirement(name = "basic")
    @Operation(summary = "Restart a failed, stopped or crashed scoring execution (role model-admin)",
            description = "Resumes at the last checkpoint with the same model version. Location is the new execution.")
    @APIResponse(responseCode = "202", description = "Restarted",
            headers = @Header(name = "Location", description = "/api/scorings/<new execution id>", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ScoringExecution")))
    @APIResponse(responseCode = "400", description = "The id is not a positive integer",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "401", description = "No credentials", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "403", description = "Not in role model-admin",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "No such scoring execution",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "The execution completed, is running or is not the latest of its job",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "completed", value = CONFLICT_EXAMPLE)))
    public Response restart(@PathParam("id") @Parameter(description = STOP_RESTART_ID_DOC, example = "2",
            schema = @Schema(type = SchemaType.INTEGER, format = "int64")) String id) {
        return accepted(jobs.restart(executionId(id)));
    }

    @POST
    @Path("{id}/stop")
    @RolesAllowed("model-admin")
    @SecurityRequirement(name = "basic")
    @Operation(summary = "Stop a running scoring execution (role model-admin)",
            description = "It stops at the end of the current chunk; restart resumes it.")
    @APIResponse(responseCode = "202", description = "Stopping",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ScoringExecution")))
    @APIResponse(responseCode = "400", description = "The id is not a positive integer",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "401", description = "No credentials", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "403", description = "Not in role model-admin",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "No such scoring execution",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "The execution is not running",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "Problem")))
    public Response stop(@PathParam("id") @Parameter(description = STOP_RESTART_ID_DOC, example = "2",
            schema = @Schema(type = SchemaType.INTEGER, format = "int64")) String id) {
        return Response.accepted(jobs.stop(executionId(id))).build();
    }

    /** An execution id in a path: 400 unless a positive integer (at most 19 digits), 404 later if no such execution. */
    static long executionId(String id) {
        if (id == null || !id.matches("[0-9]{1,19}")) {
            throw ScoringException.invalidId(id);
        }
        try {
            long value = Long.parseLong(id);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // more than Long.MAX_VALUE
        }
        throw ScoringException.invalidId(id);
    }

    private Response accepted(ScoringExecution execution) {
        URI location = uriInfo.getBaseUriBuilder().path("api/scorings/{id}").build(execution.id());
        return Response.accepted(execution).location(location).build();
    }
}
