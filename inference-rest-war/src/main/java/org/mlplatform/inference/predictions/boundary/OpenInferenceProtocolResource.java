package org.mlplatform.inference.predictions.boundary;

import java.io.InputStream;
import java.util.Set;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mlplatform.inference.models.control.LoadedVersion;
import org.mlplatform.inference.models.control.ModelLease;
import org.mlplatform.inference.models.control.ModelState;
import org.mlplatform.inference.models.control.ServedModels;
import org.mlplatform.inference.models.control.VersionSelector;
import org.mlplatform.inference.models.entity.ModelSignature;
import org.mlplatform.inference.predictions.control.InvalidInputException;
import org.mlplatform.inference.predictions.control.OipInferRequest;

/**
 * The Open Inference Protocol (KServe V2) REST API, so KServe and Triton HTTP clients work
 * unchanged, with Triton's binary tensor data extension (raw FP32 inputs after the JSON, binary
 * outputs on request). Errors come back as {@code {"error": "..."}} (see {@link ErrorResponseMapper}).
 */
@ApplicationScoped
@Path("v2")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "open-inference-protocol")
public class OpenInferenceProtocolResource {

    private static final Set<String> OUTPUTS = Set.of(ModelSignature.LABEL_OUTPUT, ModelSignature.PROBABILITIES_OUTPUT);
    private static final String PLATFORM = "onnxruntime_onnx";

    @Inject
    ServedModels models;

    @Inject
    RequestReaders readers;

    @EJB
    Predictor predictor;

    @Context
    HttpHeaders headers;

    private static final String INFER_EXAMPLE = "{\"id\": \"42\", \"inputs\": [{\"name\": \"input\", \"shape\": [1, 10], \"datatype\": \"FP32\","
            + " \"data\": [-1.37, 0.20, 0.14, 1.65, -1.76, -0.78, 0.97, -1.11, 2.39, -1.18]}]}";
    private static final String INFER_RESPONSE_EXAMPLE = "{\"model_name\":\"default\",\"model_version\":\"1\",\"id\":\"42\",\"outputs\":["
            + "{\"name\":\"label\",\"datatype\":\"INT64\",\"shape\":[1],\"data\":[1]},"
            + "{\"name\":\"probabilities\",\"datatype\":\"FP32\",\"shape\":[1,2],\"data\":[0.1234,0.8766]}]}";
    /** The binary tensor data extension's header: the length of the JSON at the start of the body, binary data after it. */
    static final String HEADER_LENGTH = "Inference-Header-Content-Length";
    private static final String HEADER_LENGTH_DOC = "Binary tensor data extension: the length in bytes of the JSON request at the start "
            + "of the body; the inputs' raw little-endian data (parameters.binary_data_size bytes each, in input order) follows it";
    private static final String VERSION_DOC = "A version number or an alias such as 'production' (1 is the version ./run.sh trains)";

    @GET
    @Operation(summary = "Server metadata")
    @APIResponse(responseCode = "200", description = "Name, version and extensions of the server",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OipServerMetadata")))
    public JsonObject server() {
        return Json.createObjectBuilder()
                .add("name", "mlplatform-inference")
                .add("version", "1.0")
                .add("extensions", Json.createArrayBuilder().add("binary_tensor_data"))
                .build();
    }

    @GET
    @Path("health/live")
    @Operation(summary = "Server liveness: 200 while the service answers")
    @APIResponse(responseCode = "200", description = "Live",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OipServerLive")))
    public JsonObject live() {
        return Json.createObjectBuilder().add("live", true).build();
    }

    @GET
    @Path("health/ready")
    @Operation(summary = "Server readiness: 200 when at least one model version is loaded and warmed up, else 503",
            description = "Agrees with the MicroProfile readiness check.")
    @APIResponse(responseCode = "200", description = "Ready",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OipServerReady")))
    @APIResponse(responseCode = "503", description = "No model version loaded yet",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OipServerReady")))
    public Response ready() {
        boolean ready = models.anyVersionLoaded();
        return Response.status(ready ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(Json.createObjectBuilder().add("ready", ready).build())
                .build();
    }

    @GET
    @Path("models/{model}")
    @Operation(summary = "Model metadata of the latest loaded version")
    @APIResponse(responseCode = "200", description = "Inputs, outputs and loaded versions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OipModelMetadata")))
    @APIResponse(responseCode = "404", description = "Unknown model or no version loaded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OipError")))
    public JsonObject model(@PathParam("model") @Parameter(description = PredictionsResource.MODEL_DOC, example = "default") String model) {
        return metadata(model, VersionSelector.LATEST);
    }

    @GET
    @Path("models/{model}/versions/{version}")
    @Operation(summary = "Model metadata of one version (a number or an alias such as 'production')")
    @APIResponse(responseCode = "200", description = "Inputs, outputs and loaded versions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OipModelMetadata")))
    @APIResponse(responseCode = "404", description = "Unknown model or version not loaded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OipError")))
    public JsonObject modelVersion(@PathParam("model") @Parameter(description = PredictionsResource.MODEL_DOC, example = "default") String model,
                                   @PathParam("version") @Parameter(description = VERSION_DOC, example = "1") String version) {
        return metadata(model, PredictionsResource.selector(version));
    }

    @GET
    @Path("models/{model}/ready")
    @Operation(summary = "Model readiness: 200 when a version is loaded, 404 when not")
    @APIResponse(responseCode = "200", description = "The version that would answer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OipModelReady")))
    @APIResponse(responseCode = "404", description = "Unknown model or no version loaded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OipError")))
    public JsonObject modelReady(@PathParam("model") @Parameter(description = PredictionsResource.MODEL_DOC, example = "default") String model) {
        return readiness(model, VersionSelector.LATEST);
    }

    @GET
    @Path("models/{model}/versions/{version}/ready")
    @Operation(summary = "Model version readiness: 200 when loaded, 404 when not")
    @APIResponse(responseCode = "200", description = "Loaded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OipModelReady")))
    @APIResponse(responseCode = "404", description = "Unknown model or version not loaded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OipError")))
    public JsonObject modelVersionReady(@PathParam("model") @Parameter(description = PredictionsResource.MODEL_DOC, example = "default") String model,
                                        @PathParam("version") @Parameter(description = VERSION_DOC, example = "1") String version) {
        return readiness(model, PredictionsResource.selector(version));
    }

    @POST
    @Path("models/{model}/infer")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Inference with the latest loaded version")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OipInferenceRequest"),
                    examples = @ExampleObject(name = "one row", summary = "One row of the default model's 10 features", value = INFER_EXAMPLE)),
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(ref = "OipBinaryInferenceRequest"))})
    @APIResponse(responseCode = "200", description = "Labels and probabilities", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OipInferenceResponse"),
                    examples = @ExampleObject(name = "one row", value = INFER_RESPONSE_EXAMPLE)),
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(ref = "OipBinaryInferenceResponse"))})
    @APIResponse(responseCode = "400", description = "A request that does not fit the model, or binary data whose sizes do not add up",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OipError")))
    @APIResponse(responseCode = "404", description = "Unknown model or version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OipError")))
    public Response infer(@PathParam("model") @Parameter(description = PredictionsResource.MODEL_DOC, example = "default") String model,
                          @HeaderParam(HEADER_LENGTH) @Parameter(description = HEADER_LENGTH_DOC) String jsonLength,
                          InputStream body) {
        return infer(model, VersionSelector.LATEST, jsonLength, body);
    }

    @POST
    @Path("models/{model}/versions/{version}/infer")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Inference with one version (a number or an alias such as 'production')")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OipInferenceRequest"),
                    examples = @ExampleObject(name = "one row", summary = "One row of the default model's 10 features", value = INFER_EXAMPLE)),
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(ref = "OipBinaryInferenceRequest"))})
    @APIResponse(responseCode = "200", description = "Labels and probabilities", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OipInferenceResponse"),
                    examples = @ExampleObject(name = "one row", value = INFER_RESPONSE_EXAMPLE)),
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(ref = "OipBinaryInferenceResponse"))})
    @APIResponse(responseCode = "400", description = "A request that does not fit the model, or binary data whose sizes do not add up",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OipError")))
    @APIResponse(responseCode = "404", description = "Unknown model or version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "OipError")))
    public Response inferVersion(@PathParam("model") @Parameter(description = PredictionsResource.MODEL_DOC, example = "default") String model,
                                 @PathParam("version") @Parameter(description = VERSION_DOC, example = "1") String version,
                                 @HeaderParam(HEADER_LENGTH) @Parameter(description = HEADER_LENGTH_DOC) String jsonLength,
                                 InputStream body) {
        return infer(model, PredictionsResource.selector(version), jsonLength, body);
    }

    private Response infer(String model, VersionSelector selector, String jsonLength, InputStream body) {
        readers.limits().checkDeclaredLength(headers.getLength());
        Long headerLength = headerLength(jsonLength);
        try (ModelLease lease = models.lease(model, selector)) {
            LoadedVersion loaded = lease.version();
            ModelSignature signature = loaded.session().signature();
            OipInferRequest request = readers.oip().read(body, headerLength, headers.getLength(), signature.inputName(),
                    signature.featureCount(), OUTPUTS);
            PredictionDocuments.OipResponse response = PredictionDocuments.oipResponse(model, loaded.version(), request,
                    PredictionsResource.run(predictor, lease, request.features()));
            if (!response.binary()) {
                return Response.ok(response.body(), MediaType.APPLICATION_JSON_TYPE).build();
            }
            return Response.ok(response.body(), MediaType.APPLICATION_OCTET_STREAM_TYPE).header(HEADER_LENGTH, response.jsonLength()).build();
        }
    }

    private static Long headerLength(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.badRequest("Wrong header length", HEADER_LENGTH + " must be the JSON's length in bytes, got '"
                    + header + "'");
        }
    }

    private JsonObject metadata(String model, VersionSelector selector) {
        try (ModelLease lease = models.lease(model, selector)) {
            ModelSignature signature = lease.version().session().signature();
            JsonArrayBuilder versions = Json.createArrayBuilder();
            models.state(model).map(ModelState::loaded).ifPresent(loaded -> loaded.keySet().forEach(v -> versions.add(v.toString())));
            return Json.createObjectBuilder()
                    .add("name", model)
                    .add("versions", versions)
                    .add("platform", PLATFORM)
                    .add("inputs", Json.createArrayBuilder().add(tensor(signature.inputName(), "FP32", -1, signature.featureCount())))
                    .add("outputs", Json.createArrayBuilder()
                            .add(tensor(ModelSignature.LABEL_OUTPUT, signature.stringLabels() ? "BYTES" : "INT64", -1))
                            .add(tensor(ModelSignature.PROBABILITIES_OUTPUT, "FP32", -1, signature.classCount())))
                    .build();
        }
    }

    private JsonObject readiness(String model, VersionSelector selector) {
        try (ModelLease lease = models.lease(model, selector)) {
            return Json.createObjectBuilder().add("name", model).add("version", Integer.toString(lease.version().version()))
                    .add("ready", true).build();
        }
    }

    private static JsonObject tensor(String name, String datatype, long... shape) {
        JsonArrayBuilder dimensions = Json.createArrayBuilder();
        for (long dimension : shape) {
            dimensions.add(dimension);
        }
        return Json.createObjectBuilder().add("name", name).add("datatype", datatype).add("shape", dimensions).build();
    }
}
