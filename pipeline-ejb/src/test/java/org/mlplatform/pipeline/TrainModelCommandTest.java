package org.mlplatform.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrainModelCommandTest {

    private static final Path DEFAULT_DATA = Path.of(System.getProperty("project.root", ".."), "models", "data", "default");

    @TempDir
    Path models;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void trainsTheDefaultDatasetIntoANewVersionAndPrintsItsMetrics() {
        int exit = run("--train-data", data("train_data.csv"), "--train-labels", data("train_labels.csv"),
                "--test-data", data("test_data.csv"), "--test-labels", data("test_labels.csv"),
                "--models-dir", models.toString(), "--model", "churn");

        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("published churn version 1"), printed);
        assertTrue(printed.contains("cross-validation (5 folds)"), printed);
        assertTrue(printed.contains("test (80 rows)"), printed);
        assertTrue(Files.exists(models.resolve("churn/1/model.onnx")));
    }

    @Test
    void withoutDataOptionsTrainsTheDefaultDataSetWithItsTestFiles() {
        String previous = System.setProperty("mlplatform.data.dir", DEFAULT_DATA.getParent().toString());
        try {
            int exit = run("--models-dir", models.toString(), "--cv-folds", "0");

            assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
            String printed = out.toString(StandardCharsets.UTF_8);
            assertTrue(printed.startsWith("published default version 1"), printed);
            assertTrue(printed.contains("test (80 rows)"), printed);
        } finally {
            if (previous == null) {
                System.clearProperty("mlplatform.data.dir");
            } else {
                System.setProperty("mlplatform.data.dir", previous);
            }
        }
    }

    @Test
    void aFitStoppedByMaxIterIsPublishedWithAWarning() {
        int exit = run("--train-data", data("train_data.csv"), "--train-labels", data("train_labels.csv"),
                "--models-dir", models.toString(), "--cv-folds", "0", "--max-iter", "1");

        assertEquals(0, exit);
        String warning = err.toString(StandardCharsets.UTF_8);
        assertTrue(warning.startsWith("warning: the fit stopped at --max-iter 1 with a gradient max-norm of "), warning);
        assertTrue(warning.contains("raise --max-iter"), warning);
    }

    @Test
    void helpPrintsTheUsage() {
        assertEquals(0, run("--help"));

        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage: train.sh"));
    }

    @Test
    void anIntegerTooLargeForItsOptionIsRefusedRatherThanWrapped() {
        int exit = run("--train-data", data("train_data.csv"), "--train-labels", data("train_labels.csv"),
                "--models-dir", models.toString(), "--max-iter", "4294967297");

        assertEquals(2, exit);
        assertEquals("error: --max-iter must be an integer from 1 to 2147483647, got 4294967297", err.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void dataOptionsWithoutTrainDataAreRefused() {
        int exit = run("--test-data", data("test_data.csv"), "--models-dir", models.toString());

        assertEquals(2, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: --test-data needs --train-data"));
        assertTrue(!Files.exists(models.resolve("default")), "no version folder");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--C|0|--C must be a number from 1.0E-8 to 1.0E8, got 0",
        "--scaler|minmax|--scaler must be one of none, standard, robust, got minmax",
        "--max-iter|ten|--max-iter must be an integer, got ten",
        "--max-iter|0|--max-iter must be an integer from 1 to 2147483647, got 0",
        "--label-column|y|--train-labels or --label-column may be given, not both",
        "--colour|red|unknown option --colour",
        "--train-labels|missing.csv|no such file: missing.csv",
    })
    void badInputExitsWithTwoAndAOneLineReason(String option, String value, String reason) {
        int exit = run("--train-data", data("train_data.csv"), "--train-labels", data("train_labels.csv"),
                "--models-dir", models.toString(), option, value);

        assertEquals(2, exit);
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("error: ") && message.contains(reason), message);
        assertEquals(0, out.size(), "nothing published");
        assertTrue(!Files.exists(models.resolve("default")), "no version folder");
    }

    private int run(String... args) {
        return TrainModelCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String data(String file) {
        return DEFAULT_DATA.resolve(file).toString();
    }
}
