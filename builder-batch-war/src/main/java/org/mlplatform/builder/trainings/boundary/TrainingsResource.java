package org.mlplatform.builder.trainings.boundary;

import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Encoding;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mlplatform.builder.problems.control.InvalidPathParameterException;
import org.mlplatform.builder.problems.entity.Problem;
import org.mlplatform.builder.trainings.control.TrainingJobs;
import org.mlplatform.builder.trainings.control.TrainingRequestParser;
import org.mlplatform.builder.trainings.entity.TrainingExecution;

import java.io.IOException;
import java.util.List;

/** Submits {@code train-model} jobs and reports on them. */
@Path("trainings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "trainings", description = "Training jobs (Jakarta Batch job train-model)")
public class TrainingsResource {

    static final String REQUEST_EXAMPLE = """
            {"model": "default", "trainData": "default/train_data.csv", "trainLabels": "default/train_labels.csv",
             "testData": "default/test_data.csv", "testLabels": "default/test_labels.csv",
             "C": 1.0, "classWeight": "balanced", "scaler": "robust", "resample": "none",
             "tol": 1e-8, "maxIter": 1000, "cvFolds": 5, "seed": 42}""";
    static final String EXECUTION_EXAMPLE = """
            {"id": 7, "instanceId": 7, "model": "default", "status": "COMPLETED",
             "exitStatus": "published default version 5", "created": "2026-11-27T16:43:50.650Z",
             "started": "2026-11-27T16:43:50.684Z", "ended": "2026-11-27T16:43:51.396Z",
             "parameters": {"model": "default", "trainData": "default/train_data.csv",
                            "trainLabels": "default/train_labels.csv"},
             "steps": [{"name": "validate-data", "status": "COMPLETED", "executionId": 7,
                        "exitStatus": "400 training rows, class counts [217, 183]"},
                       {"name": "cross-validate", "status": "COMPLETED", "executionId": 7,
                        "exitStatus": "5 folds, mean accuracy 0.785, mean ROC-AUC 0.8636236659492473"},
                       {"name": "fit-and-evaluate", "status": "COMPLETED", "executionId": 7,
                        "exitStatus": "newton-cholesky, 8 iterations, objective 177.9820131939999"},
                       {"name": "publish", "status": "COMPLETED", "executionId": 7, "exitStatus": "published default version 5"},
                       {"name": "announce", "status": "COMPLETED", "executionId": 7, "exitStatus": "published default version 5"}],
             "progress": {"stepsCompleted": 5, "stepsTotal": 5, "foldsCompleted": 5, "folds": 5},
             "published": {"model": "default", "version": 5},
             "metrics": {"crossValidation": {"folds": [{"rows": 80, "accuracy": 0.7875, "logLoss": 0.4665, "rocAuc": 0.8655,
                                                        "confusionMatrix": [[32, 12], [5, 31]]}]},
                         "crossValidationMean": {"accuracy": 0.785, "logLoss": 0.4679, "rocAuc": 0.8636}}}""";
    static final String FAILED_EXAMPLE = """
            {"id": 8, "instanceId": 8, "model": "default", "status": "FAILED",
             "exitStatus": "FAILED validate-data: trainData: train_data.csv line 17, column 3: \\"abc\\" is not a number",
             "failure": "validate-data: trainData: train_data.csv line 17, column 3: \\"abc\\" is not a number",
             "progress": {"stepsCompleted": 0, "stepsTotal": 5, "foldsCompleted": 0, "folds": 5}}""";
    static final String PROBLEM_EXAMPLE = """
            {"type": "urn:mlplatform:problem:invalid-request", "title": "Invalid training request", "status": 400,
             "detail": "C must be a number from 1.0E-8 to 1.0E8 (the range the solver reaches the optimum in), got -1",
             "field": "C"}""";

    /** After ./run.sh, execution 1 trained the default model; the first job started after that is 2. */
    static final String STOP_RESTART_ID_DOC = "Execution id (one sequence with the inference service's scoring jobs: one "
            + "job repository). The example, 4, is the first training started after ./run.sh's default training (execution 1) "
            + "and the inference document's scoring examples (execution 2, restarted as 3; README, 'OpenAPI UI'): start one "
            + "with the example above, stop it while it runs, then restart it. "
            + "Stopping answers 409 once the job has ended (the default job takes about a second).";

    @Inject
    TrainingJobs jobs;

    @Inject
    TrainingUploads uploads;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("model-admin")
    @SecurityRequirement(name = "basic")
    @Operation(summary = "Start a training job",
            description = "Checks the parameters and the data, then starts train-model. Data paths are relative to the data folder.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "TrainingRequest"),
            examples = @ExampleObject(name = "default model", summary = "The default model on the embedded dataset (publishes its next version)",
                    value = REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "202", description = "Started; Location is the execution",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TrainingExecution.class),
                    examples = @ExampleObject(name = "started", value = EXECUTION_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A parameter or the data is invalid; field names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad C", value = PROBLEM_EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No credentials")
    @APIResponse(responseCode = "403", description = "Not in role model-admin")
    @APIResponse(responseCode = "413", description = "The body is over mlplatform.builder.max-body-bytes (default 64 MiB)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(String body) {
        return accepted(jobs.start(TrainingRequestParser.parse(body)));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed("model-admin")
    @SecurityRequirement(name = "basic")
    @Operation(summary = "Upload CSV files and start a training job",
            description = "File parts trainData, trainLabels, testData, testLabels are stored in the data folder under "
                    + "their SHA-256 (uploads/<sha256>.csv); the other options come as a JSON part named parameters "
                    + "or as one text field each.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(ref = "TrainingUpload"),
            encoding = @Encoding(name = "parameters", contentType = MediaType.APPLICATION_JSON)))
    @APIResponse(responseCode = "202", description = "Started; Location is the execution",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TrainingExecution.class),
                    examples = @ExampleObject(name = "started", value = EXECUTION_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A part, a parameter or the data is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad C", value = PROBLEM_EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No credentials")
    @APIResponse(responseCode = "403", description = "Not in role model-admin")
    @APIResponse(responseCode = "413", description = "The body is over mlplatform.builder.max-body-bytes (default 64 MiB)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "multipart/form-data without a boundary",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response upload(List<EntityPart> parts) throws IOException {
        return accepted(uploads.start(parts));
    }

    @GET
    @Operation(summary = "List training executions, newest first")
    @APIResponse(responseCode = "200", description = "The executions of the 100 most recent jobs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TrainingExecution[].class),
                    examples = @ExampleObject(name = "one job", value = "[" + EXECUTION_EXAMPLE + "]")))
    public List<TrainingExecution> list() {
        return jobs.list();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Status of a training execution",
            description = "Batch status, each step's status, progress, the published version and metrics, or why it failed")
    @APIResponse(responseCode = "200", description = "The execution",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TrainingExecution.class),
                    examples = {@ExampleObject(name = "completed", value = EXECUTION_EXAMPLE),
                            @ExampleObject(name = "failed", value = FAILED_EXAMPLE)}))
    @APIResponse(responseCode = "404", description = "No such training execution",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TrainingExecution execution(@Parameter(description = "Execution id; 1 is the job that trained ./run.sh's default model",
            example = "1", schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @PathParam("id") String id) {
        return jobs.describe(executionId(id));
    }

    @POST
    @Path("{id}/restart")
    @RolesAllowed("model-admin")
    @SecurityRequirement(name = "basic")
    @Operation(summary = "Restart a failed or stopped training execution",
            description = "Runs the job instance again with the same parameters; completed steps are not redone. "
                    + "Location is the new execution.")
    @APIResponse(responseCode = "202", description = "Restarted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TrainingExecution.class),
                    examples = @ExampleObject(name = "restarted", value = EXECUTION_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such training execution",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The execution completed, is running or is not the latest of its job",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "completed", value = """
                            {"type": "urn:mlplatform:problem:conflict", "title": "Conflict", "status": 409,
                             "detail": "the training job is not in a state that allows this: ..."}""")))
    @APIResponse(responseCode = "401", description = "No credentials")
    @APIResponse(responseCode = "403", description = "Not in role model-admin")
    public Response restart(@Parameter(description = STOP_RESTART_ID_DOC, example = "4",
            schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @PathParam("id") String id) {
        return accepted(jobs.restart(executionId(id)));
    }

    @POST
    @Path("{id}/stop")
    @RolesAllowed("model-admin")
    @SecurityRequirement(name = "basic")
    @Operation(summary = "Stop a running training execution", description = "The job stops after its current step")
    @APIResponse(responseCode = "202", description = "Stopping",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TrainingExecution.class),
                    examples = @ExampleObject(name = "stopping", value = EXECUTION_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such training execution",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The execution is not running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No credentials")
    @APIResponse(responseCode = "403", description = "Not in role model-admin")
    public Response stop(@Parameter(description = STOP_RESTART_ID_DOC, example = "4",
            schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @PathParam("id") String id) {
        return Response.accepted(jobs.stop(executionId(id))).build();
    }

    /** An execution id in a path: 400 unless a positive integer, 404 later if no such execution. */
    private static long executionId(String id) {
        return InvalidPathParameterException.positive("id", id, Long.MAX_VALUE);
    }

    private Response accepted(TrainingExecution execution) {
        return Response.accepted(execution)
                .location(uriInfo.getBaseUriBuilder().path(TrainingsResource.class).path(Long.toString(execution.id())).build())
                .build();
    }
}
