package org.mlplatform.inference;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

import org.mlplatform.inference.models.control.InferenceException;
import org.mlplatform.inference.models.control.LoadedVersion;
import org.mlplatform.inference.models.control.ModelLoadException;
import org.mlplatform.inference.models.control.ModelLoader;
import org.mlplatform.inference.models.control.OnnxSessionFactory;
import org.mlplatform.inference.models.control.VersionSelector;
import org.mlplatform.inference.models.entity.Predictions;
import org.mlplatform.inference.predictions.control.CsvInstancesReader;
import org.mlplatform.inference.predictions.control.FeatureMatrix;
import org.mlplatform.inference.predictions.control.InvalidInputException;
import org.mlplatform.inference.predictions.control.RequestLimits;
import org.mlplatform.repository.ModelMetadata;
import org.mlplatform.repository.ModelRepository;

/**
 * Predicts a CSV file with a model from the repository, without a server, as the original
 * {@code make run_inference} did: the same loading (checksum, signature, warm-up) and CSV reading
 * as the service. Prints one line per row: row number, label, class probabilities.
 * <pre>
 * ./predict.sh --models-dir models --model default [--version N|production] --data file.csv
 * </pre>
 */
public final class PredictCommand {

    private PredictCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println("usage: predict.sh --data <file.csv> [--models-dir models] [--model default] [--version N|production]");
            return 2;
        }
        try {
            ModelRepository repository = new ModelRepository(Path.of(options.getOrDefault("models-dir", "models")));
            String model = options.getOrDefault("model", "default");
            int version = VersionSelector.parse(options.get("version"))
                    .resolve(new TreeSet<>(repository.versions(model)), repository.aliases(model))
                    .orElseThrow(() -> new IllegalArgumentException("model '" + model + "' has no version '"
                            + options.getOrDefault("version", "latest") + "' in " + repository.root().toAbsolutePath()));
            LoadedVersion loaded = new ModelLoader(repository, new OnnxSessionFactory(), Clock.systemUTC()).load(model, version);
            try {
                ModelMetadata metadata = loaded.metadata();
                FeatureMatrix features;
                try (InputStream data = Files.newInputStream(Path.of(options.get("data")))) {
                    features = new CsvInstancesReader(new RequestLimits(Integer.MAX_VALUE, Long.MAX_VALUE))
                            .read(data, loaded.session().signature().featureCount(), metadata.featureNames());
                }
                Predictions predictions = loaded.session().run(features.values(), features.rows());
                err.println("model " + model + " version " + version + ", " + features.rows() + " rows");
                print(predictions, metadata, out);
            } finally {
                loaded.session().close();
            }
            return 0;
        } catch (InvalidInputException e) {
            err.println("invalid data: " + e.getMessage());
        } catch (NoSuchFileException e) {
            err.println("no such file: " + e.getFile());
        } catch (IOException | ModelLoadException | InferenceException | IllegalArgumentException e) {
            err.println(e.getMessage());
        }
        return 1;
    }

    private static void print(Predictions predictions, ModelMetadata metadata, PrintStream out) {
        StringBuilder header = new StringBuilder("row,label");
        for (int k = 0; k < predictions.classCount(); k++) {
            header.append(",p_").append(k < metadata.classes().size() ? metadata.classes().get(k).toString().replace("\"", "") : k);
        }
        out.println(header);
        for (int row = 0; row < predictions.rows(); row++) {
            StringBuilder line = new StringBuilder().append(row + 1).append(',')
                    .append(predictions.hasStringLabels() ? predictions.stringLabels()[row] : predictions.intLabels()[row]);
            for (int k = 0; k < predictions.classCount(); k++) {
                line.append(',').append(predictions.probabilities()[row * predictions.classCount() + k]);
            }
            out.println(line);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (!name.matches("--(models-dir|model|version|data)") || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + name);
            }
            options.put(name.substring(2), args[i + 1]);
        }
        if (!options.containsKey("data")) {
            throw new IllegalArgumentException("--data is required");
        }
        return options;
    }
}
