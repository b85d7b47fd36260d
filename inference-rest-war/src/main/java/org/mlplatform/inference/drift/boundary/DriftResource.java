package org.mlplatform.inference.drift.boundary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.OptionalInt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mlplatform.inference.drift.control.DriftTracker;
import org.mlplatform.inference.drift.entity.DriftReport;
import org.mlplatform.inference.models.control.ModelLease;
import org.mlplatform.inference.models.control.ModelNotFoundException;
import org.mlplatform.inference.models.control.ServedModels;
import org.mlplatform.inference.models.control.VersionSelector;
import org.mlplatform.inference.predictions.boundary.PredictionsResource;
import org.mlplatform.repository.ModelMetadata;
import org.mlplatform.repository.ModelRepository;

/**
 * {@code GET /api/models/{model}/versions/{version}/drift}: a served version's recent rows against its
 * training baseline. A version that is in the repository but not served answers from its
 * metadata.json with an empty window (it is not loaded for this: nothing would fill the window).
 */
@ApplicationScoped
@Path("api/models/{model}/versions/{version}/drift")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "models")
public class DriftResource {

    @Inject
    ServedModels served;

    @Inject
    @ConfigProperty(name = "mlplatform.models.dir", defaultValue = "models")
    String modelsDir;

    @Inject
    @ConfigProperty(name = "mlplatform.inference.drift-window", defaultValue = "10000")
    int driftWindow;

    @GET
    @Operation(summary = "Drift per feature: PSI, Jensen-Shannon distance and status of the recent predicted rows "
            + "against the training baseline, with both distributions",
            description = "PSI below 0.1 is stable, 0.1 to 0.25 moderate, above 0.25 significant; no-data while the window "
                    + "is empty. A format-1 or imported version has no baseline (baseline false, features empty).")
    @APIResponse(responseCode = "200", description = "The version's drift",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Drift")))
    @APIResponse(responseCode = "400", description = "The version is neither a positive number nor an alias name",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "Unknown model or version",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public JsonObject drift(@PathParam("model") @Parameter(description = "Model name in the repository", example = "default") String model,
                            @PathParam("version") @Parameter(description = "A version number or an alias such as 'production'",
                                    example = "1") String version) {
        VersionSelector selector = PredictionsResource.selector(version);
        try (ModelLease lease = served.lease(model, selector)) {
            return DriftDocuments.report(model, lease.version().version(), true, lease.version().drift().report());
        } catch (ModelNotFoundException notServed) {
            return notServed(model, selector, notServed);
        }
    }

    private JsonObject notServed(String model, VersionSelector selector, ModelNotFoundException notServed) {
        ModelRepository repository = new ModelRepository(java.nio.file.Path.of(modelsDir).toAbsolutePath());
        if (!ModelRepository.isName(model)) {
            throw notServed;
        }
        try {
            OptionalInt number = selector.number() != null
                    ? (repository.versions(model).contains(selector.number()) ? OptionalInt.of(selector.number()) : OptionalInt.empty())
                    : selector.alias() != null ? repository.alias(model, selector.alias()) : repository.latest(model);
            if (number.isEmpty()) {
                throw new ModelNotFoundException("model '" + model + "' has no version " + selector + " in the repository");
            }
            ModelMetadata metadata = repository.metadata(model, number.getAsInt());
            DriftReport empty = DriftTracker.of(metadata, 0).report();
            return DriftDocuments.report(model, number.getAsInt(), false,
                    new DriftReport(empty.baseline(), driftWindow, 0, empty.features()));
        } catch (IOException | UncheckedIOException e) {
            throw new ModelNotFoundException("model '" + model + "' version " + selector + " cannot be read: " + e.getMessage());
        }
    }
}
