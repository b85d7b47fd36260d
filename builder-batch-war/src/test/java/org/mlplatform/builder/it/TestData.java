package org.mlplatform.builder.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The data folder the test server reads ({@code MLPLATFORM_DATA_DIR}), with reference CSV files
 * from {@code reference/} at the root of the checkout copied into it at test time.
 */
final class TestData {

    static final List<String> FILES = List.of("train_data.csv", "train_labels.csv", "test_data.csv", "test_labels.csv");

    private TestData() {
    }

    /** {@code reference/} at the root of the checkout; failsafe sets it for the tests, arquillian.xml for the server. */
    static Path reference() {
        return Path.of(System.getProperty("reference.dir"));
    }

    /** The data folder: set by failsafe in the test JVM, by wildfly-config's system property in the server. */
    static Path dataDir() {
        return Path.of(System.getProperty("it.data.dir", System.getProperty("mlplatform.data.dir")));
    }

    /** Copies reference set {@code set} into {@code <data>/<folder>/} and returns that folder. */
    static Path copyReferenceSet(String set, String folder) {
        Path target = dataDir().resolve(folder);
        try {
            Files.createDirectories(target);
            for (String file : FILES) {
                Files.copy(reference().resolve("data").resolve(set).resolve(file), target.resolve(file),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Replaces the second cell of the given line (1-based) of a CSV file with text. */
    static void breakCell(Path csv, int line, String text) {
        try {
            List<String> lines = Files.readAllLines(csv);
            String[] cells = lines.get(line - 1).split(",", -1);
            cells[1] = text;
            lines.set(line - 1, String.join(",", cells));
            Files.write(csv, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
