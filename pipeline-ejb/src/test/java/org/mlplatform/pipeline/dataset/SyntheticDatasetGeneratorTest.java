package org.mlplatform.pipeline.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticDatasetGeneratorTest {

    private static final Path EMBEDDED = Path.of(System.getProperty("project.root", ".."), "models", "data", "default");

    @Test
    void theEmbeddedDefaultDatasetIsWhatTheGeneratorWritesWithTheDefaultSeed(@TempDir Path out) throws IOException {
        new SyntheticDatasetGenerator(SyntheticDatasetGenerator.DEFAULT_SEED).writeTo(out);

        for (String file : new String[] {"train_data.csv", "train_labels.csv", "test_data.csv", "test_labels.csv"}) {
            assertArrayEquals(Files.readAllBytes(EMBEDDED.resolve(file)), Files.readAllBytes(out.resolve(file)), file);
        }
    }

    @Test
    void theDefaultDatasetHasTheOriginalShape() throws IOException {
        var lines = Files.readAllLines(EMBEDDED.resolve("train_data.csv"));
        assertArrayEquals(new int[] {400, 10}, new int[] {lines.size(), lines.get(0).split(",").length});
        var testLabels = Files.readAllLines(EMBEDDED.resolve("test_labels.csv"));
        assertArrayEquals(new int[] {80, 2}, new int[] {testLabels.size(), (int) testLabels.stream().distinct().count()});
    }
}
