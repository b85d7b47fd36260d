package org.mlplatform.pipeline.dataset;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Writes the embedded default dataset: standard-normal features and 0/1 labels drawn from a fixed
 * logistic model, split into train and test files shaped like the original project's data
 * (10 features, 400 train and 80 test rows, headerless). Seeded, so the same seed writes the same
 * bytes; {@code models/data/default} was written with the defaults below.
 *
 * <pre>java -cp ... org.mlplatform.pipeline.dataset.SyntheticDatasetGenerator models/data/default [seed]</pre>
 */
public final class SyntheticDatasetGenerator {

    public static final long DEFAULT_SEED = 20240229L;
    static final int FEATURES = 10;
    static final int TRAIN_ROWS = 400;
    static final int TEST_ROWS = 80;

    /** Weights of the logistic model the labels come from: a few informative features, the rest noise. */
    private static final double[] TRUE_WEIGHTS = {1.2, -0.8, 0.0, 0.5, 0.0, 0.0, -1.5, 0.3, 0.0, 0.0};
    private static final double TRUE_INTERCEPT = -0.2;

    private final Random random;

    public SyntheticDatasetGenerator(long seed) {
        this.random = new Random(seed);
    }

    public void writeTo(Path directory) throws IOException {
        Files.createDirectories(directory);
        writeSplit(directory, "train", TRAIN_ROWS);
        writeSplit(directory, "test", TEST_ROWS);
    }

    private void writeSplit(Path directory, String split, int rows) throws IOException {
        try (Writer data = Files.newBufferedWriter(directory.resolve(split + "_data.csv"));
             Writer labels = Files.newBufferedWriter(directory.resolve(split + "_labels.csv"))) {
            for (int i = 0; i < rows; i++) {
                double logit = TRUE_INTERCEPT;
                StringBuilder line = new StringBuilder();
                for (int j = 0; j < FEATURES; j++) {
                    double x = random.nextGaussian();
                    logit += TRUE_WEIGHTS[j] * x;
                    line.append(j == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.8f", x));
                }
                int label = random.nextDouble() < 1.0 / (1.0 + Math.exp(-logit)) ? 1 : 0;
                data.write(line.append('\n').toString());
                labels.write(label + "\n");
            }
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: SyntheticDatasetGenerator <output-directory> [seed]");
            System.exit(2);
        }
        long seed = args.length == 2 ? Long.parseLong(args[1]) : DEFAULT_SEED;
        new SyntheticDatasetGenerator(seed).writeTo(Path.of(args[0]));
    }
}
