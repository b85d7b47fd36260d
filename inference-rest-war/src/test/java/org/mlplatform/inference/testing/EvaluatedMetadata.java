package org.mlplatform.inference.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.IntStream;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.mlplatform.repository.ContentDigest;

/**
 * The metadata.json a format 2 training would write for a reference case, computed here from the
 * reference optimum and data: the coefficients, the test set's scores and confusion matrix, the ROC
 * curves (the positive class for K = 2, one-vs-rest for K > 2) and the drift baseline of the training rows.
 * Written by hand (not by the pipeline) so the inference tests need no training.
 */
public final class EvaluatedMetadata {

    private EvaluatedMetadata() {
    }

    public static JsonObject of(ReferenceCase reference, String model, int version, List<String> featureNames, String onnxSha256) {
        Path data = ReferenceCase.referenceDir().resolve("data").resolve(reference.set());
        int[] testLabels = labels(data.resolve("test_labels.csv"));
        int[] trainLabels = labels(data.resolve("train_labels.csv"));
        double[][] probabilities = reference.expectedProbabilities();
        int k = reference.classCount();
        int[][] confusion = new int[k][k];
        double logLoss = 0;
        int correct = 0;
        for (int i = 0; i < testLabels.length; i++) {
            int predicted = argmax(probabilities[i]);
            confusion[testLabels[i]][predicted]++;
            correct += predicted == testLabels[i] ? 1 : 0;
            logLoss -= Math.log(Math.max(1e-15, probabilities[i][testLabels[i]]));
        }
        JsonArrayBuilder curves = Json.createArrayBuilder();
        double aucSum = 0;
        for (int positive = k == 2 ? 1 : 0; positive < k; positive++) {
            JsonObject curve = rocCurve(probabilities, testLabels, positive);
            aucSum += curve.getJsonNumber("auc").doubleValue();
            curves.add(curve);
        }
        TreeMap<String, Integer> classCounts = new TreeMap<>();
        Arrays.stream(trainLabels).forEach(label -> classCounts.merge(Integer.toString(label), 1, Integer::sum));
        JsonObjectBuilder metadata = Json.createObjectBuilder()
                .add("formatVersion", 2).add("model", model).add("version", version).add("createdAt", "2026-12-01T20:00:00.000Z")
                .add("source", "trained").add("trainingFingerprint", ContentDigest.sha256((model + version).getBytes()))
                .add("classLabelType", "int64").add("classes", array(IntStream.range(0, k).asDoubleStream().toArray(), true))
                .add("featureCount", reference.featureCount()).add("featureNames", Json.createArrayBuilder(featureNames))
                .add("params", Json.createObjectBuilder().add("C", 1.0).add("classWeight", "BALANCED").add("scaler", "ROBUST")
                        .add("resample", "NONE").add("tol", 1e-8).add("maxIter", 100).add("cvFolds", 0).add("seed", 42))
                .add("algorithm", Json.createObjectBuilder().add("name", "logistic-regression")
                        .add("coefficients", matrix(reference.coefficients())).add("intercepts", array(reference.intercepts(), false)))
                .add("dataset", Json.createObjectBuilder()
                        .add("files", Json.createObjectBuilder().add("train_data.csv", sha256(data.resolve("train_data.csv")))
                                .add("train_labels.csv", sha256(data.resolve("train_labels.csv"))))
                        .add("rows", trainLabels.length).add("classCounts", Json.createObjectBuilder(new TreeMap<String, Object>(classCounts))))
                .add("metrics", Json.createObjectBuilder().add("test", Json.createObjectBuilder().add("rows", testLabels.length)
                        .add("accuracy", (double) correct / testLabels.length).add("logLoss", logLoss / testLabels.length)
                        .add("rocAuc", aucSum / (k == 2 ? 1 : k)).add("confusionMatrix", matrix(confusion))))
                .add("features", baseline(readRows(data.resolve("train_data.csv"))))
                .add("roc", Json.createObjectBuilder().add("rows", "test").add("curves", curves))
                .add("onnx", Json.createObjectBuilder().add("sha256", onnxSha256));
        if (reference.offset() != null) {
            double[] scale = Arrays.stream(reference.scale()).map(s -> 1 / s).toArray();
            metadata.add("scaler", Json.createObjectBuilder().add("kind", "ROBUST").add("center", array(reference.offset(), false))
                    .add("scale", array(scale, false)));
        }
        return metadata.build();
    }

    /** At each distinct score, from the highest: (false positive rate, true positive rate), from (0, 0) to (1, 1). */
    static JsonObject rocCurve(double[][] probabilities, int[] labels, int positive) {
        Integer[] order = IntStream.range(0, labels.length).boxed().sorted(Comparator.comparingDouble(i -> -probabilities[i][positive]))
                .toArray(Integer[]::new);
        long positives = Arrays.stream(labels).filter(label -> label == positive).count();
        long negatives = labels.length - positives;
        List<double[]> points = new ArrayList<>(List.of(new double[] {0, 0}));
        int truePositives = 0;
        int falsePositives = 0;
        for (int n = 0; n < order.length; n++) {
            if (labels[order[n]] == positive) {
                truePositives++;
            } else {
                falsePositives++;
            }
            if (n == order.length - 1 || probabilities[order[n + 1]][positive] != probabilities[order[n]][positive]) {
                points.add(new double[] {(double) falsePositives / negatives, (double) truePositives / positives});
            }
        }
        double auc = 0;
        for (int p = 1; p < points.size(); p++) {
            auc += (points.get(p)[0] - points.get(p - 1)[0]) * (points.get(p)[1] + points.get(p - 1)[1]) / 2;
        }
        return Json.createObjectBuilder().add("classIndex", positive)
                .add("fpr", array(points.stream().mapToDouble(point -> point[0]).toArray(), false))
                .add("tpr", array(points.stream().mapToDouble(point -> point[1]).toArray(), false))
                .add("auc", auc).build();
    }

    /** Per column: mean, population std, min, max, the distinct inner deciles (numpy's linear interpolation) and the bins' shares. */
    static JsonArrayBuilder baseline(double[][] rows) {
        JsonArrayBuilder features = Json.createArrayBuilder();
        for (int j = 0; j < rows[0].length; j++) {
            int column = j;
            double[] values = Arrays.stream(rows).mapToDouble(row -> row[column]).sorted().toArray();
            double mean = Arrays.stream(values).average().orElse(0);
            double variance = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).average().orElse(0);
            double[] edges = IntStream.rangeClosed(1, 9).mapToDouble(q -> quantile(values, q / 10.0)).distinct().toArray();
            double[] shares = new double[edges.length + 1];
            for (double value : values) {
                int bin = 0;
                while (bin < edges.length && value > edges[bin]) {
                    bin++;
                }
                shares[bin] += 1.0 / values.length;
            }
            features.add(Json.createObjectBuilder().add("mean", mean).add("std", Math.sqrt(variance)).add("min", values[0])
                    .add("max", values[values.length - 1]).add("binEdges", array(edges, false)).add("binShares", array(shares, false)));
        }
        return features;
    }

    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int k = 1; k < values.length; k++) {
            best = values[k] > values[best] ? k : best;
        }
        return best;
    }

    private static JsonArrayBuilder array(double[] values, boolean integers) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (double value : values) {
            if (integers) {
                array.add((long) value);
            } else {
                array.add(value);
            }
        }
        return array;
    }

    private static JsonArrayBuilder matrix(double[][] rows) {
        JsonArrayBuilder matrix = Json.createArrayBuilder();
        Arrays.stream(rows).forEach(row -> matrix.add(array(row, false)));
        return matrix;
    }

    private static JsonArrayBuilder matrix(int[][] rows) {
        JsonArrayBuilder matrix = Json.createArrayBuilder();
        Arrays.stream(rows).forEach(row -> matrix.add(array(Arrays.stream(row).asDoubleStream().toArray(), true)));
        return matrix;
    }

    private static int[] labels(Path file) {
        return lines(file).stream().mapToInt(Integer::parseInt).toArray();
    }

    private static double[][] readRows(Path file) {
        return lines(file).stream().map(line -> Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray())
                .toArray(double[][]::new);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) {
        try {
            return ContentDigest.sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
