package org.mlplatform.pipeline.training;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.mlplatform.pipeline.dataset.ClassLabels;
import org.mlplatform.pipeline.dataset.Dataset;

/**
 * One {@code expected/<set>__<config>.json} of {@code ../shared/reference}: the scaled training set, the
 * scaled test features, the estimator's C and class weight, and the exact optimum it records.
 */
record ReferenceCase(String name, Dataset train, double[][] testRows, double c, ClassWeight classWeight,
                     double[][] optimumCoefficients, double[] optimumIntercepts, double optimumObjective) {

    static Path referenceDirectory() {
        return Path.of(System.getProperty("reference.dir", "../../shared/reference"));
    }

    static List<ReferenceCase> all() {
        try (Stream<Path> files = Files.list(referenceDirectory().resolve("expected"))) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().map(ReferenceCase::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ReferenceCase read(Path expectedFile) {
        JsonObject expected;
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(expectedFile))) {
            expected = reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path data = referenceDirectory().resolve("data").resolve(expected.getString("dataset"));
        double[][] trainRows = readCsv(data.resolve("train_data.csv"));
        double[][] testRows = readCsv(data.resolve("test_data.csv"));
        int[] labels = Stream.of(readCsv(data.resolve("train_labels.csv"))).mapToInt(row -> (int) row[0]).toArray();

        JsonValue scaler = expected.get("scaler");
        if (scaler != null && scaler.getValueType() == JsonValue.ValueType.OBJECT) {
            JsonObject parameters = scaler.asJsonObject();
            double[] centre = numbers(parameters.containsKey("center_") ? parameters.getJsonArray("center_")
                    : parameters.getJsonArray("mean_"));
            double[] scale = numbers(parameters.getJsonArray("scale_"));
            scale(trainRows, centre, scale);
            scale(testRows, centre, scale);
        }

        int classCount = expected.getJsonArray("classes_").size();
        List<String> classValues = IntStream.range(0, classCount).mapToObj(String::valueOf).toList();
        int columns = trainRows[0].length;
        double[] features = new double[trainRows.length * columns];
        for (int i = 0; i < trainRows.length; i++) {
            System.arraycopy(trainRows[i], 0, features, i * columns, columns);
        }
        Dataset train = new Dataset(features, trainRows.length, columns, labels, new ClassLabels(classValues, true),
                List.of());

        JsonObject parameters = expected.getJsonObject("estimator_params");
        ClassWeight classWeight = parameters.isNull("class_weight") ? ClassWeight.NONE : ClassWeight.BALANCED;
        JsonObject optimum = expected.getJsonObject("reference_optimum_newton");
        JsonArray coefficientRows = optimum.getJsonArray("coef");
        double[][] coefficients = new double[coefficientRows.size()][];
        for (int k = 0; k < coefficients.length; k++) {
            coefficients[k] = numbers(coefficientRows.getJsonArray(k));
        }
        String name = expectedFile.getFileName().toString().replace(".json", "");
        return new ReferenceCase(name, train, testRows, parameters.getJsonNumber("C").doubleValue(), classWeight,
                coefficients, numbers(optimum.getJsonArray("intercept")),
                optimum.getJsonNumber("objective_value").doubleValue());
    }

    /** The optimum's own model, to score the test rows with. */
    LogisticRegressionModel optimumModel() {
        return new LogisticRegressionModel(train.classes(), optimumCoefficients, optimumIntercepts, null);
    }

    @Override
    public String toString() {
        return name;
    }

    private static double[][] readCsv(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> !line.isBlank())
                    .map(line -> Stream.of(line.split(",")).mapToDouble(Double::parseDouble).toArray())
                    .toArray(double[][]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] numbers(JsonArray array) {
        return array.getValuesAs(JsonNumber.class).stream().mapToDouble(JsonNumber::doubleValue).toArray();
    }

    private static void scale(double[][] rows, double[] centre, double[] scale) {
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (row[j] - centre[j]) / scale[j];
            }
        }
    }
}
