package org.mlplatform.inference.explanations.boundary;

import static org.mlplatform.inference.predictions.boundary.PredictionsResource.MODEL_DOC;
import static org.mlplatform.inference.predictions.boundary.PredictionsResource.PROBLEM_JSON;
import static org.mlplatform.inference.predictions.boundary.PredictionsResource.TEXT_CSV;
import static org.mlplatform.inference.predictions.boundary.PredictionsResource.VERSION_DOC;

import java.io.InputStream;
import java.util.List;
import java.util.function.Function;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mlplatform.inference.explanations.control.LinearExplainer;
import org.mlplatform.inference.models.control.LoadedVersion;
import org.mlplatform.inference.models.control.ModelLease;
import org.mlplatform.inference.models.control.ServedModels;
import org.mlplatform.inference.models.entity.Predictions;
import org.mlplatform.inference.predictions.boundary.PredictionsResource;
import org.mlplatform.inference.predictions.boundary.Predictor;
import org.mlplatform.inference.predictions.boundary.RequestReaders;
import org.mlplatform.inference.predictions.control.FeatureMatrix;
import org.mlplatform.repository.ModelMetadata;

/**
 * {@code POST /api/models/{model}/explain}: the bodies, version policy and refusals of predict; per row the
 * model's prediction and probability (through the same pooled {@link Predictor}, so equal to predict's answer)
 * and each logit split exactly into a base value and one contribution per feature ({@link LinearExplainer}).
 */
@ApplicationScoped
@Path("api/models/{model}/explain")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "explanations")
public class ExplanationsResource {

    private static final String SUMMARY = "Explain rows: each logit as a base value plus one contribution per feature";
    private static final String DESCRIPTION = "Takes what predict takes (JSON rows, CSV, a CSV upload in part 'file', "
            + "the same version policy and limits). Per row: the predicted class and its probability, as predict answers, "
            + "and per logit (binary models: one, the logit of classes[1]; K classes: one each) the base value, the logit at "
            + "the training means, and each feature's contribution in log-odds, coefficient x (scaled value - scaled "
            + "training mean), largest first; base + contributions = logit. Inputs are read as float32, as the model reads "
            + "them; the arithmetic after that is float64. Versions without a training baseline (metadata.json format 1) "
            + "or imported ONNX graphs are answered 409.";
    private static final String ROW = "[-1.37, 0.20, 0.14, 1.65, -1.76, -0.78, 0.97, -1.11, 2.39, -1.18]";
    private static final String JSON_EXAMPLE = "{\"instances\": [" + ROW + "]}";
    private static final String CSV_EXAMPLE = "-1.37,0.20,0.14,1.65,-1.76,-0.78,0.97,-1.11,2.39,-1.18\n";
    private static final String EXAMPLE_RESPONSE = "{\"model\":\"default\",\"version\":1,\"explanations\":[{\"prediction\":0,"
            + "\"probability\":0.93605256,\"logits\":[{\"class\":1,\"classIndex\":1,\"logit\":-2.683609621326328,"
            + "\"base\":-0.12195054832689131,\"contributions\":["
            + "{\"index\":0,\"name\":null,\"value\":-1.37,\"contribution\":-1.994652949960946},"
            + "{\"index\":6,\"name\":null,\"value\":0.97,\"contribution\":-1.3006479836968838},"
            + "{\"index\":3,\"name\":null,\"value\":1.65,\"contribution\":0.8101943521350583}]}]}]}";
    private static final String EXAMPLE_NOTE = "The default model; three of the ten contributions shown";

    @Inject
    ServedModels models;

    @Inject
    RequestReaders readers;

    @EJB
    Predictor predictor;

    @Context
    HttpHeaders headers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = SUMMARY, description = DESCRIPTION)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PredictRequest"),
            examples = @ExampleObject(name = "one row", summary = "One row of the default model's 10 features", value = JSON_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Per row: prediction, probability and the logits explained",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Explanations"),
                    examples = @ExampleObject(name = "one row", summary = EXAMPLE_NOTE, value = EXAMPLE_RESPONSE)))
    @APIResponse(responseCode = "400", description = "Malformed body, wrong feature count, non-numeric value or empty batch (naming row and column)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "Unknown model or version", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "The version cannot be explained: no training baseline (metadata.json format 1) "
            + "or an imported graph (type urn:mlplatform:problem:explanation-unavailable)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "413", description = "More rows or bytes than the configured limits", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "415", description = "Another media type", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "503", description = "All inference slots busy; retry after the Retry-After seconds",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "Problem")))
    public byte[] explainJson(@PathParam("model") @Parameter(description = MODEL_DOC, example = "default") String model,
                              @QueryParam("version") @Parameter(description = VERSION_DOC) String version,
                              InputStream body) {
        readers.limits().checkDeclaredLength(headers.getLength());
        return explain(model, version, readers.jsonRows(body, headers.getLength()));
    }

    @POST
    @Consumes(TEXT_CSV)
    @Operation(summary = SUMMARY, description = DESCRIPTION)
    @RequestBody(required = true, content = @Content(mediaType = TEXT_CSV, schema = @Schema(type = SchemaType.STRING, example = CSV_EXAMPLE),
            examples = @ExampleObject(name = "headerless", summary = "One headerless row", value = CSV_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Per row: prediction, probability and the logits explained",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Explanations"),
                    examples = @ExampleObject(name = "one row", summary = EXAMPLE_NOTE, value = EXAMPLE_RESPONSE)))
    public byte[] explainCsv(@PathParam("model") @Parameter(description = MODEL_DOC, example = "default") String model,
                             @QueryParam("version") @Parameter(description = VERSION_DOC) String version,
                             InputStream body) {
        readers.limits().checkDeclaredLength(headers.getLength());
        return explain(model, version, readers.csvRows(body, headers.getLength()));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = SUMMARY, description = DESCRIPTION)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(ref = "PredictUpload")))
    @APIResponse(responseCode = "200", description = "Per row: prediction, probability and the logits explained",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Explanations"),
                    examples = @ExampleObject(name = "one row", summary = EXAMPLE_NOTE, value = EXAMPLE_RESPONSE)))
    public byte[] explainUpload(@PathParam("model") @Parameter(description = MODEL_DOC, example = "default") String model,
                                @QueryParam("version") @Parameter(description = VERSION_DOC) String version,
                                List<EntityPart> parts) {
        readers.limits().checkDeclaredLength(headers.getLength());
        return explain(model, version, readers.uploadedRows(parts));
    }

    /** Whether the version can be explained is checked before its body is read: a 409 says more than a row's mistake. */
    private byte[] explain(String model, String version, Function<ModelMetadata, FeatureMatrix> read) {
        try (ModelLease lease = models.lease(model, PredictionsResource.selector(version))) {
            LoadedVersion loaded = lease.version();
            LinearExplainer explainer = LinearExplainer.of(loaded.metadata());
            FeatureMatrix features = read.apply(loaded.metadata());
            Predictions predictions = PredictionsResource.run(predictor, lease, features);
            return ExplanationDocuments.explanations(model, loaded.version(), loaded.metadata().classes(), predictions,
                    explainer.explain(features));
        }
    }
}
