package org.mlplatform.builder.models.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.mlplatform.builder.models.control.ModelImports;
import org.mlplatform.builder.models.control.ModelRegistry;
import org.mlplatform.builder.models.entity.Alias;
import org.mlplatform.builder.models.entity.AliasTarget;
import org.mlplatform.builder.models.entity.ModelSummary;
import org.mlplatform.builder.models.entity.VersionSummary;
import org.mlplatform.builder.problems.entity.Problem;
import org.mlplatform.builder.models.control.AliasRequestParser;
import org.mlplatform.builder.problems.control.InvalidPathParameterException;
import org.mlplatform.repository.PublishedVersion;

import java.util.List;

/** The model registry: models, versions, their metadata and the production alias. */
@Path("models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "models", description = "The versioned model repository")
public class ModelsResource {

    private static final String MODELS_EXAMPLE = """
            [{"model": "default", "versions": [1, 2, 3], "latest": 3, "aliases": {"production": 2}}]""";
    private static final String VERSIONS_EXAMPLE = """
            [{"model": "default", "version": 1, "aliases": []},
             {"model": "default", "version": 2, "aliases": ["production"]}]""";
    private static final String METADATA_EXAMPLE = """
            {"model": "default", "version": 2, "createdAt": "2026-11-27T16:00:01Z", "source": "trained",
             "classes": [0, 1], "featureCount": 10, "params": {"C": 1.0, "classWeight": "BALANCED", "scaler": "ROBUST"},
             "algorithm": {"name": "logistic-regression", "params": {"C": 1.0, "classWeight": "BALANCED"},
                           "coefficients": [[0.209, -0.048]], "intercepts": [-0.0047]},
             "metrics": {"test": {"accuracy": 0.6}}, "onnx": {"sha256": "9f2c..."}}""";
    private static final String ALIAS_EXAMPLE = """
            {"model": "default", "alias": "production", "version": 1}""";
    private static final String NOT_FOUND_EXAMPLE = """
            {"type": "urn:mlplatform:problem:not-found", "title": "Not Found", "status": 404, "detail": "model default has no version 9"}""";

    private static final String IMPORTED_EXAMPLE = """
            {"formatVersion": 2, "model": "default", "version": 3, "createdAt": "2026-11-27T16:05:00Z", "source": "imported",
             "classLabelType": "int64", "classes": [0, 1], "featureCount": 10, "featureNames": [],
             "onnx": {"sha256": "4be1...", "irVersion": 8, "opsets": {"ai.onnx": 15, "ai.onnx.ml": 1},
                      "inputs": [{"name": "float_input", "type": "float", "shape": [-1, 10]}],
                      "outputs": [{"name": "output_label", "type": "int64", "shape": [-1]},
                                  {"name": "output_probability", "type": "seq(map(int64,float))", "shape": []}]}}""";
    private static final String IMPORT_PROBLEM_EXAMPLE = """
            {"type": "urn:mlplatform:problem:invalid-request", "title": "Invalid model import", "status": 400,
             "detail": "the graph has no probability output (named output_probability or probabilities); its outputs are [label]",
             "field": "onnx"}""";

    private static final String MODEL_DOC = "Model name ('default' is the model ./run.sh trains)";

    @Inject
    ModelRegistry registry;

    @Inject
    ModelImports imports;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(summary = "List models with their versions and aliases")
    @APIResponse(responseCode = "200", description = "Every model in the repository",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModelSummary[].class),
                    examples = @ExampleObject(name = "one model", value = MODELS_EXAMPLE)))
    public List<ModelSummary> models() {
        return registry.models();
    }

    @GET
    @Path("{model}/versions")
    @Operation(summary = "List a model's versions and the aliases pointing at each")
    @APIResponse(responseCode = "200", description = "The versions, ascending",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionSummary[].class),
                    examples = @ExampleObject(name = "two versions", value = VERSIONS_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such model",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<VersionSummary> versions(@Parameter(description = MODEL_DOC, example = "default") @PathParam("model") String model) {
        return registry.versions(model);
    }

    @GET
    @Path("{model}/versions/{version}")
    @Operation(summary = "The metadata.json of a version", description = "As the training job wrote it")
    @APIResponse(responseCode = "200", description = "metadata.json",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ModelVersionMetadata"),
                    examples = @ExampleObject(name = "metadata", value = METADATA_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such model or version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no version", value = NOT_FOUND_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The version is not a positive integer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public String metadata(@Parameter(description = MODEL_DOC, example = "default") @PathParam("model") String model,
                           @Parameter(description = "Version number; 1 is the version ./run.sh trains", example = "1",
                                   schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
                           @PathParam("version") String version) {
        return registry.metadata(model, version(version));
    }

    @POST
    @Path("{model}/versions")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed("model-admin")
    @SecurityRequirement(name = "basic")
    @Operation(summary = "Import an ONNX model trained elsewhere as the next version",
            description = "E.g. scikit-learn + skl2onnx: one float input [N, F], a label output (label or output_label) and "
                    + "probabilities as float [N, K] (probabilities, zipmap=False) or skl2onnx's default ZipMap "
                    + "(output_probability). ONNX Runtime checks the graph and runs it once; the file is published unchanged "
                    + "with its SHA-256 and \"source\": \"imported\", and announced as version-published.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(ref = "ModelImport"),
            encoding = {@Encoding(name = "classes", contentType = MediaType.APPLICATION_JSON),
                    @Encoding(name = "featureNames", contentType = MediaType.APPLICATION_JSON)}))
    @APIResponse(responseCode = "201", description = "Published; Location is the version, the body its metadata.json",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ModelVersionMetadata"),
                    examples = @ExampleObject(name = "imported", value = IMPORTED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The graph is not servable, or classes or featureNames do not fit it; "
            + "field names the part",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no probabilities", value = IMPORT_PROBLEM_EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No credentials")
    @APIResponse(responseCode = "403", description = "Not in role model-admin")
    @APIResponse(responseCode = "413", description = "The body is over mlplatform.builder.max-body-bytes (default 64 MiB)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The file is not an ONNX model, or the body is not multipart/form-data "
            + "with a boundary",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response importVersion(@Parameter(description = MODEL_DOC, example = "default") @PathParam("model") String model,
                                  List<EntityPart> parts) {
        PublishedVersion published = imports.importVersion(model, parts);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(Integer.toString(published.version())).build())
                .entity(registry.metadata(model, published.version()))
                .type(MediaType.APPLICATION_JSON)
                .build();
    }

    @PUT
    @Path("{model}/aliases/{alias}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("model-admin")
    @SecurityRequirement(name = "basic")
    @Operation(summary = "Point an alias (production) at a version",
            description = "Promotes or rolls back; announced as alias-changed on the model-events topic")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AliasTarget.class),
            examples = @ExampleObject(name = "production is version 1", value = "{\"version\": 1}")))
    @APIResponse(responseCode = "200", description = "The alias now points at the version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Alias.class),
                    examples = @ExampleObject(name = "production", value = ALIAS_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The body is not {\"version\": <positive integer>}",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such model, version or alias",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no version", value = NOT_FOUND_EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No credentials")
    @APIResponse(responseCode = "403", description = "Not in role model-admin")
    public Alias setAlias(@Parameter(description = MODEL_DOC, example = "default") @PathParam("model") String model,
                          @Parameter(description = "Alias name", example = "production") @PathParam("alias") String alias,
                          String body) {
        return registry.setAlias(model, alias, AliasRequestParser.version(body));
    }

    @DELETE
    @Path("{model}/versions/{version}")
    @RolesAllowed("model-admin")
    @SecurityRequirement(name = "basic")
    @Operation(summary = "Delete a version", description = "Refused while an alias points at it")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", description = "The version is not a positive integer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such model or version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no version", value = NOT_FOUND_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The version is an alias target",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "production", value = """
                            {"type": "urn:mlplatform:problem:conflict", "title": "Conflict", "status": 409,
                             "detail": "version 2 of model default is the target of alias production; point the alias elsewhere first"}""")))
    @APIResponse(responseCode = "401", description = "No credentials")
    @APIResponse(responseCode = "403", description = "Not in role model-admin")
    public Response delete(@Parameter(description = MODEL_DOC, example = "default") @PathParam("model") String model,
                           @Parameter(description = "Version number. The example, 2, is the version the training example "
                                   + "publishes after ./run.sh; version 1 stays (with production pointing at it, it cannot be deleted)",
                                   example = "2", schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
                           @PathParam("version") String version) {
        registry.delete(model, version(version));
        return Response.noContent().build();
    }

    /** A version number in a path: 400 unless a positive integer, 404 later if no such version. */
    private static int version(String version) {
        return (int) InvalidPathParameterException.positive("version", version, Integer.MAX_VALUE);
    }
}
