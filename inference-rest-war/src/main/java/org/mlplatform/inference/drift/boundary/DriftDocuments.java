package org.mlplatform.inference.drift.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.mlplatform.inference.drift.entity.DriftReport;
import org.mlplatform.inference.drift.entity.DriftStatus;
import org.mlplatform.inference.drift.entity.FeatureDrift;

/** The drift document (README, "Drift") and its summary in model info; a measure without data is null. */
public final class DriftDocuments {

    private DriftDocuments() {
    }

    public static JsonObject report(String model, int version, boolean loaded, DriftReport report) {
        JsonArrayBuilder features = Json.createArrayBuilder();
        report.features().forEach(feature -> features.add(feature(feature)));
        return Json.createObjectBuilder()
                .add("model", model)
                .add("version", version)
                .add("loaded", loaded)
                .add("baseline", report.baseline())
                .add("window", window(report))
                .add("thresholds", Json.createObjectBuilder()
                        .add("moderate", DriftStatus.MODERATE_PSI)
                        .add("significant", DriftStatus.SIGNIFICANT_PSI))
                .add("features", features)
                .build();
    }

    /** For model info: the window, the feature with the highest PSI, and how many features are in each status. */
    public static JsonObject summary(DriftReport report) {
        JsonObjectBuilder summary = Json.createObjectBuilder()
                .add("baseline", report.baseline())
                .add("window", window(report));
        if (report.baseline()) {
            JsonObjectBuilder counts = Json.createObjectBuilder();
            report.countByStatus().forEach((status, count) -> counts.add(status.label(), count));
            summary.add("statusCounts", counts);
            report.worst().ifPresent(worst -> summary.add("worst", Json.createObjectBuilder()
                    .add("index", worst.index())
                    .add("name", worst.name() == null ? JsonValue.NULL : Json.createValue(worst.name()))
                    .add("psi", worst.psi())
                    .add("status", worst.status().label())));
        }
        return summary.build();
    }

    private static JsonObjectBuilder window(DriftReport report) {
        return Json.createObjectBuilder().add("capacity", report.capacity()).add("rows", report.rows());
    }

    private static JsonObjectBuilder feature(FeatureDrift feature) {
        return Json.createObjectBuilder()
                .add("index", feature.index())
                .add("name", feature.name() == null ? JsonValue.NULL : Json.createValue(feature.name()))
                .add("psi", number(feature.psi()))
                .add("jensenShannon", number(feature.jensenShannon()))
                .add("status", feature.status().label())
                .add("binEdges", numbers(feature.binEdges()))
                .add("referenceShares", numbers(feature.referenceShares()))
                .add("recentShares", numbers(feature.recentShares()));
    }

    private static JsonValue number(double value) {
        return Double.isNaN(value) ? JsonValue.NULL : Json.createValue(value);
    }

    private static JsonArrayBuilder numbers(double[] values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (double value : values) {
            array.add(value);
        }
        return array;
    }
}
