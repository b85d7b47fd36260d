package org.mlplatform.pipeline.dataset;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The shared scikit-learn reference: data sets and what was fitted on them (see its README). */
public final class ReferenceFiles {

    public static final List<String> SETS = List.of("seed", "breast_cancer", "iris");

    private ReferenceFiles() {
    }

    public static Path directory() {
        return Path.of(System.getProperty("reference.dir", "../../shared/reference"));
    }

    public static Dataset training(String set) {
        return read(set, "train", null);
    }

    public static Dataset test(String set, ClassLabels trainingClasses) {
        return read(set, "test", trainingClasses);
    }

    /** {@code expected/<set>__<config>.json} */
    public static JsonObject expected(String set, String config) {
        Path file = directory().resolve("expected").resolve(set + "__" + config + ".json");
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(file))) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static double[] doubles(JsonArray array) {
        return array.getValuesAs(JsonNumber.class).stream().mapToDouble(JsonNumber::doubleValue).toArray();
    }

    public static double[][] matrix(JsonArray rows) {
        return rows.getValuesAs(JsonArray.class).stream().map(ReferenceFiles::doubles).toArray(double[][]::new);
    }

    private static Dataset read(String set, String part, ClassLabels trainingClasses) {
        Path folder = directory().resolve("data").resolve(set);
        CsvSource source = CsvSource.withLabelsFile(folder.resolve(part + "_data.csv"),
                folder.resolve(part + "_labels.csv"));
        try {
            CsvDatasetReader reader = new CsvDatasetReader();
            return trainingClasses == null ? reader.read(source) : reader.read(source, trainingClasses);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
