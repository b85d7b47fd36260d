package org.mlplatform.inference.models.boundary;

import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.mlplatform.inference.drift.boundary.DriftDocuments;
import org.mlplatform.inference.models.control.LoadedVersion;
import org.mlplatform.inference.models.control.ModelState;
import org.mlplatform.inference.models.entity.ModelSignature;
import org.mlplatform.repository.MetadataJson;
import org.mlplatform.repository.ModelMetadata;

/** Model info documents: what is loaded, its tensor contract, and the training record from metadata.json. */
final class ModelDescriptions {

    private static final String[] METADATA_SECTIONS = {"createdAt", "source", "params", "metrics", "training", "dataset",
            "scaler", "algorithm"};

    private ModelDescriptions() {
    }

    static JsonObject summary(ModelState state) {
        JsonArrayBuilder versions = Json.createArrayBuilder();
        state.loaded().keySet().forEach(versions::add);
        JsonObjectBuilder summary = Json.createObjectBuilder()
                .add("model", state.model())
                .add("loadedVersions", versions)
                .add("aliases", aliases(state.aliases()));
        if (!state.loaded().isEmpty()) {
            summary.add("latest", state.loaded().lastKey());
        }
        if (!state.failures().isEmpty()) {
            summary.add("failedVersions", failures(state));
        }
        return summary.build();
    }

    static JsonObject model(ModelState state) {
        JsonArrayBuilder versions = Json.createArrayBuilder();
        state.loaded().values().forEach(version -> versions.add(version(version)));
        JsonObjectBuilder model = Json.createObjectBuilder()
                .add("model", state.model())
                .add("aliases", aliases(state.aliases()))
                .add("versions", versions)
                .add("failedVersions", failures(state));
        if (!state.loaded().isEmpty()) {
            model.add("latest", state.loaded().lastKey());
        }
        if (state.lastLoadError() != null) {
            model.add("lastLoadError", Json.createObjectBuilder()
                    .add("version", state.lastLoadError().version())
                    .add("reason", state.lastLoadError().reason())
                    .add("at", state.lastLoadError().at().toString()));
        }
        return model.build();
    }

    static JsonObject version(LoadedVersion loaded) {
        ModelMetadata metadata = loaded.metadata();
        ModelSignature signature = loaded.session().signature();
        JsonArrayBuilder featureNames = Json.createArrayBuilder();
        metadata.featureNames().forEach(featureNames::add);
        JsonArrayBuilder classes = Json.createArrayBuilder();
        metadata.classes().forEach(classes::add);
        JsonObjectBuilder version = Json.createObjectBuilder()
                .add("model", metadata.model())
                .add("version", loaded.version())
                .add("state", "READY")
                .add("loadedAt", loaded.loadedAt().toString())
                .add("sha256", loaded.sha256())
                .add("inputs", Json.createArrayBuilder().add(tensor(signature.inputName(), "float32", -1, signature.featureCount())))
                .add("outputs", Json.createArrayBuilder()
                        .add(tensor(ModelSignature.LABEL_OUTPUT, signature.stringLabels() ? "string" : "int64", -1))
                        .add(tensor(ModelSignature.PROBABILITIES_OUTPUT, "float32", -1, signature.classCount())))
                .add("classes", classes)
                .add("featureNames", featureNames)
                .add("drift", DriftDocuments.summary(loaded.drift().report()));
        JsonObject document = MetadataJson.toJsonObject(metadata);
        for (String section : METADATA_SECTIONS) {
            if (document.containsKey(section)) {
                version.add(section, document.get(section));
            }
        }
        return version.build();
    }

    private static JsonArrayBuilder failures(ModelState state) {
        JsonArrayBuilder failures = Json.createArrayBuilder();
        state.failures().forEach((version, reason) -> failures.add(Json.createObjectBuilder()
                .add("version", version)
                .add("servable", false)
                .add("reason", reason)));
        return failures;
    }

    private static JsonObjectBuilder aliases(Map<String, Integer> aliases) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        aliases.forEach(json::add);
        return json;
    }

    private static JsonObject tensor(String name, String datatype, long... shape) {
        JsonArrayBuilder dimensions = Json.createArrayBuilder();
        for (long dimension : shape) {
            dimensions.add(dimension);
        }
        return Json.createObjectBuilder().add("name", name).add("datatype", datatype).add("shape", dimensions).build();
    }
}
