package org.mlplatform.pipeline.onnx;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.mlplatform.pipeline.PipelineModel;
import org.mlplatform.pipeline.dataset.ClassLabels;
import org.mlplatform.pipeline.preprocessing.FittedScaler;
import org.mlplatform.pipeline.preprocessing.ScalerKind;
import org.mlplatform.pipeline.training.FitReport;
import org.mlplatform.pipeline.training.LogisticRegressionModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Pipelines built from the exact optimum recorded in {@code ../shared/reference/expected}, so ONNX
 * and repository tests need no solver.
 */
public final class ReferencePipelines {

    private static final Path REFERENCE = Path.of(System.getProperty("reference.dir", "../../shared/reference"));

    private ReferencePipelines() {
    }

    /** {@code config} as in the expected file's name, e.g. {@code iris__robust_balanced_C1}. */
    public static PipelineModel load(String config) throws IOException {
        JsonObject expected = readJson(REFERENCE.resolve("expected").resolve(config + ".json"));
        JsonObject optimum = expected.getJsonObject("reference_optimum_newton");
        List<String> classes = expected.getJsonArray("classes_").stream().map(JsonValue::toString).toList();
        double[][] coefficients = optimum.getJsonArray("coef").stream()
                .map(row -> doubles(row.asJsonArray())).toArray(double[][]::new);
        double[] intercepts = doubles(optimum.getJsonArray("intercept"));
        FitReport report = new FitReport("newton-cholesky", optimum.getInt("iterations"),
                optimum.getJsonNumber("objective_value").doubleValue(),
                optimum.getJsonNumber("grad_max_abs").doubleValue(),
                optimum.getJsonNumber("seconds").doubleValue(), true);
        LogisticRegressionModel classifier = new LogisticRegressionModel(new ClassLabels(classes, true),
                coefficients, intercepts, report);
        return new PipelineModel(scaler(expected, coefficients[0].length), classifier);
    }

    /** The same coefficients with other class labels, e.g. strings. */
    public static PipelineModel relabelled(PipelineModel model, ClassLabels labels) {
        LogisticRegressionModel c = model.classifier();
        return new PipelineModel(model.scaler(),
                new LogisticRegressionModel(labels, c.coefficients(), c.intercepts(), c.report()));
    }

    /** {@code data/<set>/test_data.csv}, the set being the part of {@code config} before {@code __}. */
    public static double[][] testData(String config) throws IOException {
        String set = config.substring(0, config.indexOf("__"));
        return Files.readAllLines(REFERENCE.resolve("data").resolve(set).resolve("test_data.csv")).stream()
                .filter(line -> !line.isBlank())
                .map(line -> java.util.Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray())
                .toArray(double[][]::new);
    }

    public static List<String> configs() throws IOException {
        try (var files = Files.list(REFERENCE.resolve("expected"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .map(name -> name.substring(0, name.length() - ".json".length()))
                    .sorted()
                    .toList();
        }
    }

    private static FittedScaler scaler(JsonObject expected, int features) {
        JsonValue scaler = expected.get("scaler");
        if (scaler == null || scaler.getValueType() == JsonValue.ValueType.NULL) {
            return FittedScaler.identity(features);
        }
        JsonObject fitted = scaler.asJsonObject();
        return switch (fitted.getString("type")) {
            case "RobustScaler" -> new FittedScaler(ScalerKind.ROBUST, doubles(fitted.getJsonArray("center_")),
                    doubles(fitted.getJsonArray("scale_")));
            case "StandardScaler" -> new FittedScaler(ScalerKind.STANDARD, doubles(fitted.getJsonArray("mean_")),
                    doubles(fitted.getJsonArray("scale_")));
            default -> throw new IllegalArgumentException("unknown scaler " + fitted.getString("type"));
        };
    }

    private static double[] doubles(JsonArray array) {
        return array.getValuesAs(JsonNumber.class).stream().mapToDouble(JsonNumber::doubleValue).toArray();
    }

    private static JsonObject readJson(Path file) throws IOException {
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(file))) {
            return reader.readObject();
        }
    }
}
