package org.mlplatform.inference.models.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mlplatform.inference.models.control.ModelNotFoundException;
import org.mlplatform.inference.models.control.ModelState;
import org.mlplatform.inference.models.control.ServedModels;
import org.mlplatform.inference.models.control.VersionSelector;
import org.mlplatform.inference.models.control.ModelLease;
import org.mlplatform.inference.predictions.boundary.PredictionsResource;

/**
 * Model info and the admin reload. A stateless bean so that {@code @RolesAllowed} is enforced by
 * the container for the one write operation.
 */
@Stateless
@PermitAll
@Path("api/models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "models")
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class ModelsResource {

    @Inject
    ServedModels served;

    @EJB
    RepositoryWatcher watcher;

    @GET
    @Operation(summary = "Every model with its loaded versions, aliases and failed versions")
    public JsonArray models() {
        JsonArrayBuilder models = Json.createArrayBuilder();
        served.states().forEach(state -> models.add(ModelDescriptions.summary(state)));
        return models.build();
    }

    @GET
    @Path("{model}")
    @Operation(summary = "One model: loaded versions with inputs, outputs, classes, feature names, metrics, parameters, "
            + "load time and checksum; versions that are not servable, with the reason; the last load error")
    @APIResponse(responseCode = "404", description = "Unknown model")
    public JsonObject model(@PathParam("model") String model) {
        return ModelDescriptions.model(state(model));
    }

    @GET
    @Path("{model}/versions/{version}")
    @Operation(summary = "One loaded version (a number or an alias such as 'production')")
    @APIResponse(responseCode = "400", description = "The version is neither a positive number nor an alias name")
    @APIResponse(responseCode = "404", description = "Unknown model or version not loaded")
    public JsonObject version(@PathParam("model") String model, @PathParam("version") String version) {
        try (ModelLease lease = served.lease(model, selector(version))) {
            return ModelDescriptions.version(lease.version());
        }
    }

    @POST
    @Path("{model}/reload")
    @RolesAllowed("model-admin")
    @SecurityRequirement(name = "basic")
    @Operation(summary = "Rescan the model's folder now, retrying versions that failed to load (role model-admin)")
    @APIResponse(responseCode = "200", description = "The model after the reload")
    @APIResponse(responseCode = "401", description = "No credentials")
    @APIResponse(responseCode = "404", description = "The model is not in the repository")
    public JsonObject reload(@PathParam("model") String model) {
        watcher.reload(model);
        return ModelDescriptions.model(state(model));
    }

    private ModelState state(String model) {
        return served.state(model).orElseThrow(() -> new ModelNotFoundException("model '" + model + "' is not served"));
    }

    /** A malformed version is a 400 here as on predict and the OIP; a well-formed one that is not loaded, a 404. */
    private static VersionSelector selector(String version) {
        return PredictionsResource.selector(version);
    }
}
