package org.mlplatform.inference.predictions.boundary;

import java.io.InputStream;
import java.util.List;
import java.util.function.Function;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServiceUnavailableException;
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
import org.mlplatform.inference.models.control.InferenceException;
import org.mlplatform.inference.models.control.LoadedVersion;
import org.mlplatform.inference.models.control.ModelLease;
import org.mlplatform.inference.models.control.ServedModels;
import org.mlplatform.inference.models.control.VersionSelector;
import org.mlplatform.inference.models.entity.Predictions;
import org.mlplatform.inference.predictions.control.FeatureMatrix;
import org.mlplatform.inference.predictions.control.InvalidInputException;
import org.mlplatform.repository.ModelMetadata;

/** {@code POST /api/models/{model}/predict}: rows as JSON, CSV or a multipart CSV upload. */
@ApplicationScoped
@Path("api/models/{model}/predict")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "predictions")
public class PredictionsResource {

    public static final String TEXT_CSV = "text/csv";
    static final String JSON_EXAMPLE = "{\"instances\": [[-1.37, 0.20, 0.14, 1.65, -1.76, -0.78, 0.97, -1.11, 2.39, -1.18],"
            + " [0.03, 0.56, 0.88, 0.72, -0.46, 0.91, -0.75, -0.53, 0.46, 1.51]]}";
    private static final String CSV_EXAMPLE =
            "-1.37,0.20,0.14,1.65,-1.76,-0.78,0.97,-1.11,2.39,-1.18\n0.03,0.56,0.88,0.72,-0.46,0.91,-0.75,-0.53,0.46,1.51\n";
    private static final String EXAMPLE_RESPONSE =
            "{\"model\":\"default\",\"version\":1,\"predictions\":[1,0],\"probabilities\":[[0.1234,0.8766],[0.9012,0.0988]]}";

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
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "PredictRequest"),
            examples = @ExampleObject(name = "two rows", summary = "Two rows of the default model's 10 features", value = JSON_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Labels and class probabilities, one per row",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Predictions"),
                    examples = @ExampleObject(name = "two rows", value = EXAMPLE_RESPONSE)))
    @APIResponse(responseCode = "400", description = "Malformed body, wrong feature count, non-numeric value or empty batch (naming row and column)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "Unknown model or version", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "413", description = "More rows or bytes than the configured limits", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "415", description = "Another media type", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "503", description = "All inference slots busy; retry after the Retry-After seconds",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = "Problem")))
    public byte[] predictJson(@PathParam("model") @Parameter(description = MODEL_DOC, example = "default") String model,
                              @QueryParam("version") @Parameter(description = VERSION_DOC) String version,
                              InputStream body) {
        readers.limits().checkDeclaredLength(headers.getLength());
        return predict(model, version, readers.jsonRows(body, headers.getLength()));
    }

    @POST
    @Consumes(TEXT_CSV)
    @Operation(summary = SUMMARY, description = DESCRIPTION)
    @RequestBody(required = true, content = @Content(mediaType = TEXT_CSV, schema = @Schema(type = SchemaType.STRING, example = CSV_EXAMPLE),
            examples = @ExampleObject(name = "headerless", summary = "Two headerless rows", value = CSV_EXAMPLE)))
    // Each method of the shared operation declares its 200, or SmallRye adds its String return type to the schema
    @APIResponse(responseCode = "200", description = "Labels and class probabilities, one per row",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Predictions"),
                    examples = @ExampleObject(name = "two rows", value = EXAMPLE_RESPONSE)))
    public byte[] predictCsv(@PathParam("model") @Parameter(description = MODEL_DOC, example = "default") String model,
                             @QueryParam("version") @Parameter(description = VERSION_DOC) String version,
                             InputStream body) {
        readers.limits().checkDeclaredLength(headers.getLength());
        return predict(model, version, readers.csvRows(body, headers.getLength()));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = SUMMARY, description = DESCRIPTION)
    // The parts are read as a list, so that a second 'file' part is refused rather than ignored;
    // the body's schema (an object with a file field 'file') is therefore named here
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(ref = "PredictUpload")))
    @APIResponse(responseCode = "200", description = "Labels and class probabilities, one per row",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Predictions"),
                    examples = @ExampleObject(name = "two rows", value = EXAMPLE_RESPONSE)))
    public byte[] predictUpload(@PathParam("model") @Parameter(description = MODEL_DOC, example = "default") String model,
                                @QueryParam("version") @Parameter(description = VERSION_DOC) String version,
                                List<EntityPart> parts) {
        readers.limits().checkDeclaredLength(headers.getLength());
        return predict(model, version, readers.uploadedRows(parts));
    }

    public static final String VERSION_DOC = "A version number, an alias such as 'production', or nothing for the latest loaded version";
    public static final String MODEL_DOC = "Model name in the repository ('default' is the model ./run.sh trains)";
    public static final String PROBLEM_JSON = "application/problem+json";
    /** One operation in the OpenAPI document for the three media types: JSON (the main one), CSV and a CSV upload. */
    private static final String SUMMARY = "Predict rows sent as JSON, CSV or an uploaded CSV file";
    private static final String DESCRIPTION = "JSON: one array of feature values per row, in the order the model was trained on. "
            + "CSV: headerless, or with the training header (its names must match the model's). "
            + "Multipart: the CSV file in the part named 'file'.";

    private byte[] predict(String model, String version, Function<ModelMetadata, FeatureMatrix> read) {
        try (ModelLease lease = models.lease(model, selector(version))) {
            LoadedVersion loaded = lease.version();
            FeatureMatrix features = read.apply(loaded.metadata());
            return PredictionDocuments.predictions(model, loaded.version(), run(predictor, lease, features));
        }
    }

    public static VersionSelector selector(String version) {
        try {
            return VersionSelector.parse(version);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.badRequest("Invalid version", e.getMessage());
        }
    }

    /**
     * Every predict API's rows pass here: once predicted, they count in the version's drift window
     * (after the inference slot is freed, so the pool is not held for it).
     * A pool acquisition timeout reaches the caller as a bare {@link EJBException} (no cause); a
     * failure inside the bean would carry its cause. Only the former means "busy, retry".
     */
    public static Predictions run(Predictor predictor, ModelLease lease, FeatureMatrix features) {
        try {
            Predictions predictions = predictor.predict(lease, features);
            lease.version().drift().record(features.values(), features.rows());
            return predictions;
        } catch (EJBException e) {
            if (e.getCause() == null) {
                throw new ServiceUnavailableException("all inference slots are busy; retry shortly", 1L);
            }
            throw e;
        } catch (InferenceException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
