package org.mlplatform.inference.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/**
 * One set/config of {@code reference/} at the root of the checkout: the exact optimum's coefficients and scaler, its
 * test rows, and the probabilities the optimum gives them (computed here in float64).
 */
public record ReferenceCase(String set, String config, double[][] coefficients, double[] intercepts, double[] offset, double[] scale,
                            int classCount, double[][] testRows) {

    public static Path referenceDir() {
        return Path.of(System.getProperty("reference.dir", "../reference"));
    }

    public static ReferenceCase load(String set, String config) {
        Path dir = referenceDir();
        JsonObject expected = readJson(dir.resolve("expected").resolve(set + "__" + config + ".json"));
        JsonObject optimum = expected.getJsonObject("reference_optimum_newton");
        double[][] coefficients = matrix(optimum.getJsonArray("coef"));
        double[] intercepts = vector(optimum.getJsonArray("intercept"));
        double[] offset = null;
        double[] scale = null;
        JsonObject scaler = expected.get("scaler") instanceof JsonObject object ? object : null;
        if (scaler != null && scaler.containsKey("scale_")) {
            offset = vector(scaler.containsKey("center_") ? scaler.getJsonArray("center_") : scaler.getJsonArray("mean_"));
            double[] scaleOf = vector(scaler.getJsonArray("scale_"));
            scale = new double[scaleOf.length];
            for (int i = 0; i < scale.length; i++) {
                scale[i] = 1.0 / scaleOf[i];
            }
        }
        int classes = expected.getJsonArray("classes_").size();
        return new ReferenceCase(set, config, coefficients, intercepts, offset, scale, classes,
                readCsv(dir.resolve("data").resolve(set).resolve("test_data.csv")));
    }

    public byte[] onnx() {
        return OnnxTestModels.logisticRegression(coefficients, intercepts, offset, scale, null);
    }

    public int featureCount() {
        return coefficients[0].length;
    }

    public Path testDataFile() {
        return referenceDir().resolve("data").resolve(set).resolve("test_data.csv");
    }

    /** The optimum's probabilities for the test rows, float64. */
    public double[][] expectedProbabilities() {
        double[][] probabilities = new double[testRows.length][];
        for (int i = 0; i < testRows.length; i++) {
            double[] x = testRows[i].clone();
            if (offset != null) {
                for (int j = 0; j < x.length; j++) {
                    x[j] = (x[j] - offset[j]) * scale[j];
                }
            }
            double[] logits = new double[coefficients.length];
            for (int k = 0; k < coefficients.length; k++) {
                double z = intercepts[k];
                for (int j = 0; j < x.length; j++) {
                    z += coefficients[k][j] * x[j];
                }
                logits[k] = z;
            }
            probabilities[i] = probabilitiesOfLogits(logits);
        }
        return probabilities;
    }

    /** Logistic regression's class probabilities from its logits: sigmoid of one logit (binary), else softmax. */
    public static double[] probabilitiesOfLogits(double[] logits) {
        return logits.length == 1 ? binary(logits[0]) : softmax(logits);
    }

    private static double[] binary(double z) {
        double p = 1 / (1 + Math.exp(-z));
        return new double[] {1 - p, p};
    }

    private static double[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double z : logits) {
            max = Math.max(max, z);
        }
        double sum = 0;
        double[] p = new double[logits.length];
        for (int k = 0; k < logits.length; k++) {
            p[k] = Math.exp(logits[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < logits.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    private static double[][] readCsv(Path file) {
        try {
            List<String> lines = Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList();
            double[][] rows = new double[lines.size()][];
            for (int i = 0; i < rows.length; i++) {
                String[] cells = lines.get(i).split(",");
                rows[i] = new double[cells.length];
                for (int j = 0; j < cells.length; j++) {
                    rows[i][j] = Double.parseDouble(cells[j]);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonObject readJson(Path file) {
        try (InputStream in = Files.newInputStream(file); JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[][] matrix(JsonArray rows) {
        double[][] matrix = new double[rows.size()][];
        for (int i = 0; i < matrix.length; i++) {
            matrix[i] = vector(rows.getJsonArray(i));
        }
        return matrix;
    }

    private static double[] vector(JsonArray values) {
        return values.getValuesAs(JsonNumber.class).stream().mapToDouble(JsonNumber::doubleValue).toArray();
    }
}
