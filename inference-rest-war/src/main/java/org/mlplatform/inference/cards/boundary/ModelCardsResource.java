package org.mlplatform.inference.cards.boundary;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mlplatform.inference.cards.control.CardPage;
import org.mlplatform.inference.cards.control.PageLayout;
import org.mlplatform.inference.models.control.LoadedVersion;
import org.mlplatform.inference.models.control.ModelLease;
import org.mlplatform.inference.models.control.ServedModels;
import org.mlplatform.inference.predictions.boundary.PredictionsResource;

/** A loaded version's model card, an HTML page for people (the same facts as JSON: GET .../versions/{version}). */
@Path("api/models/{model}/versions/{version}/card")
@Tag(name = "models")
public class ModelCardsResource {

    static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";

    @Inject
    ServedModels served;

    @GET
    @Produces(HTML)
    @Operation(summary = "The version's model card: parameters, data, metrics, confusion matrix, ROC curves, coefficients, "
            + "live drift and a form to try a prediction (an HTML page; open it in a browser)")
    @APIResponse(responseCode = "200", description = "The card", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "400", description = "The version is neither a positive number nor an alias name",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "Unknown model or version not loaded",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response card(@PathParam("model") @Parameter(description = "Model name in the repository", example = "default") String model,
                         @PathParam("version") @Parameter(description = "A version number or an alias such as 'production'",
                                 example = "1") String version) {
        try (ModelLease lease = served.lease(model, PredictionsResource.selector(version))) {
            LoadedVersion loaded = lease.version();
            List<String> aliases = served.state(model).map(state -> state.aliases().entrySet().stream()
                    .filter(alias -> alias.getValue() == loaded.version()).map(Map.Entry::getKey).sorted().toList()).orElse(List.of());
            String page = CardPage.render(loaded.metadata(), aliases, loaded.sha256(), loaded.loadedAt());
            return html(page);
        }
    }

    static Response html(String page) {
        return Response.ok(page, HTML).header("Content-Security-Policy", PageLayout.CONTENT_SECURITY_POLICY)
                .header("Cache-Control", "no-store").build();
    }
}
