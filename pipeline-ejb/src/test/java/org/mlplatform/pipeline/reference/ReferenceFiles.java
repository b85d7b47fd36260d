package org.mlplatform.pipeline.reference;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.mlplatform.pipeline.dataset.ClassLabels;
import org.mlplatform.pipeline.dataset.CsvDatasetReader;
import org.mlplatform.pipeline.dataset.CsvSource;
import org.mlplatform.pipeline.dataset.Dataset;

/**
 * The shared scikit-learn reference in {@code reference/} at the root of the checkout (see its README), read in place: the
 * one place that knows its layout. {@code data/<set>/{train,test}_{data,labels}.csv} are the data sets;
 * {@code expected/<set>__<config>.json} (a <em>case</em>, named {@code <set>__<config>}) is what was fitted
 * on a set, typed by {@link ReferenceCase}.
 */
public final class ReferenceFiles {

    private ReferenceFiles() {
    }

    public static Path directory() {
        return Path.of(System.getProperty("reference.dir", "../reference"));
    }

    /** Every case name, e.g. {@code iris__robust_balanced_C1}, sorted. */
    public static List<String> cases() {
        try (Stream<Path> files = Files.list(directory().resolve("expected"))) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json"))
                    .map(name -> name.substring(0, name.length() - ".json".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The set a case was fitted on: its name up to {@code __}. */
    public static String setOf(String caseName) {
        return caseName.substring(0, caseName.indexOf("__"));
    }

    /** {@code expected/<set>__<config>.json} */
    public static JsonObject expected(String set, String config) {
        return expected(set + "__" + config);
    }

    /** {@code expected/<caseName>.json} */
    public static JsonObject expected(String caseName) {
        Path file = directory().resolve("expected").resolve(caseName + ".json");
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(file))) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code part} is {@code train} or {@code test}: its features file with its labels file. */
    public static CsvSource source(String set, String part) {
        Path folder = directory().resolve("data").resolve(set);
        return CsvSource.withLabelsFile(folder.resolve(part + "_data.csv"), folder.resolve(part + "_labels.csv"));
    }

    public static Dataset training(String set) {
        return read(source(set, "train"), null);
    }

    public static Dataset test(String set, ClassLabels trainingClasses) {
        return read(source(set, "test"), trainingClasses);
    }

    /** The raw (unscaled) test features, one array a row. */
    public static double[][] testRows(String set) {
        try (Stream<String> lines = Files.lines(source(set, "test").features())) {
            return lines.filter(line -> !line.isBlank())
                    .map(line -> Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray())
                    .toArray(double[][]::new);
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

    private static Dataset read(CsvSource source, ClassLabels trainingClasses) {
        try {
            CsvDatasetReader reader = new CsvDatasetReader();
            return trainingClasses == null ? reader.read(source) : reader.read(source, trainingClasses);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
