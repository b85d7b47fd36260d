package org.mlplatform.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mlplatform.pipeline.dataset.CsvSource;
import org.mlplatform.pipeline.evaluation.CrossValidationResult;
import org.mlplatform.pipeline.evaluation.Metrics;
import org.mlplatform.pipeline.preprocessing.Resampling;
import org.mlplatform.pipeline.preprocessing.ScalerKind;
import org.mlplatform.pipeline.training.ClassWeight;
import org.mlplatform.pipeline.training.FitReport;
import org.mlplatform.repository.ModelRepository;
import org.mlplatform.repository.PublishedVersion;

/**
 * Trains a model version from CSV files into a model repository without a server, as the original
 * project's {@code make run_builder} did. The batch job runs the same {@link TrainingPipeline}.
 * Exits 0 on success, 2 with a one-line reason on bad input, 1 on an I/O failure.
 *
 * <p>Without data options it trains the embedded default data set ({@code default/} in the data folder,
 * train and test files) with the default parameters. The data and models folders default to the system
 * properties {@code mlplatform.data.dir} and {@code mlplatform.models.dir}, which {@code train.sh} sets to
 * the project's {@code models/data} and {@code models} (or the environment's {@code MLPLATFORM_DATA_DIR}
 * and {@code MLPLATFORM_MODELS_DIR}).
 *
 * <pre>./train.sh --train-data models/data/default/train_data.csv --train-labels ... --model default</pre>
 */
public final class TrainModelCommand {

    static final String USAGE = """
            usage: train.sh [--train-data FILE (--train-labels FILE | --label-column NAME|INDEX)
                             [--test-data FILE [--test-labels FILE]]] [--model default] [--models-dir DIR]
                            [--C 1.0] [--class-weight balanced|none] [--scaler robust|standard|none]
                            [--resample none|smote] [--max-iter 1000] [--tol 1e-8] [--cv-folds 5] [--seed 42]
            Without --train-data, trains the default data set (models/data/default) with its test files.""";

    static final String DEFAULT_DATA_SET = "default";

    private static final Set<String> OPTIONS = Set.of("--train-data", "--train-labels", "--label-column",
            "--test-data", "--test-labels", "--model", "--models-dir", "--C", "--class-weight", "--scaler",
            "--resample", "--max-iter", "--tol", "--cv-folds", "--seed");
    private static final List<String> DATA_OPTIONS = List.of("--train-labels", "--label-column", "--test-data",
            "--test-labels");

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(USAGE);
            return 0;
        }
        try {
            Map<String, String> options = parse(args);
            TrainingRequest request = request(options);
            Path modelsDir = Path.of(options.getOrDefault("--models-dir", System.getProperty("mlplatform.models.dir",
                    "models")));
            TrainingPipeline pipeline = new TrainingPipeline(request.parameters());
            TrainingRun run = pipeline.run(request, new ModelRepository(modelsDir));
            print(run, out);
            FitReport report = run.model().classifier().report();
            if (!report.converged()) {
                err.printf(Locale.ROOT, "warning: the fit stopped at --max-iter %d with a gradient max-norm of %.2e, "
                        + "above --tol %.1e, so it is short of the optimum; raise --max-iter%n",
                        request.parameters().maxIter(), report.gradientMaxNorm(), request.parameters().tol());
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (NoSuchFileException e) {
            err.println("error: no such file: " + e.getFile());
            return 2;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name + " (run with --help for usage)");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + name + " needs a value");
            }
            options.put(name, args[++i]);
        }
        if (!options.containsKey("--train-data")) {
            DATA_OPTIONS.stream().filter(options::containsKey).findFirst().ifPresent(name -> {
                throw new IllegalArgumentException(name + " needs --train-data (without data options the default "
                        + "data set is trained)");
            });
            Path folder = Path.of(System.getProperty("mlplatform.data.dir", "models/data"), DEFAULT_DATA_SET);
            options.put("--train-data", folder.resolve("train_data.csv").toString());
            options.put("--train-labels", folder.resolve("train_labels.csv").toString());
            options.put("--test-data", folder.resolve("test_data.csv").toString());
            options.put("--test-labels", folder.resolve("test_labels.csv").toString());
        }
        if (!options.containsKey("--train-labels") && !options.containsKey("--label-column")) {
            throw new IllegalArgumentException("give --train-labels FILE or --label-column NAME|INDEX");
        }
        if (options.containsKey("--test-labels") && !options.containsKey("--test-data")) {
            throw new IllegalArgumentException("--test-labels needs --test-data");
        }
        return options;
    }

    private static TrainingRequest request(Map<String, String> o) {
        TrainingParameters defaults = TrainingParameters.defaults();
        TrainingParameters parameters = new TrainingParameters(
                number(o, "--C", defaults.c()),
                choice(o, "--class-weight", ClassWeight.class, defaults.classWeight()),
                choice(o, "--scaler", ScalerKind.class, defaults.scaler()),
                choice(o, "--resample", Resampling.class, defaults.resample()),
                number(o, "--tol", defaults.tol()),
                smallInteger(o, "--max-iter", defaults.maxIter()),
                smallInteger(o, "--cv-folds", defaults.cvFolds()),
                integer(o, "--seed", defaults.seed()));
        CsvSource train = new CsvSource(Path.of(o.get("--train-data")), path(o, "--train-labels"),
                o.get("--label-column"));
        CsvSource test = o.containsKey("--test-data")
                ? new CsvSource(Path.of(o.get("--test-data")), path(o, "--test-labels"), o.get("--label-column"))
                : null;
        return new TrainingRequest(o.getOrDefault("--model", DEFAULT_DATA_SET), train, test, parameters);
    }

    private static Path path(Map<String, String> o, String name) {
        return o.containsKey(name) ? Path.of(o.get(name)) : null;
    }

    private static double number(Map<String, String> o, String name, double fallback) {
        try {
            return o.containsKey(name) ? Double.parseDouble(o.get(name)) : fallback;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got \"" + o.get(name) + "\"");
        }
    }

    private static long integer(Map<String, String> o, String name, long fallback) {
        try {
            return o.containsKey(name) ? Long.parseLong(o.get(name)) : fallback;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, got \"" + o.get(name) + "\"");
        }
    }

    private static int smallInteger(Map<String, String> o, String name, int fallback) {
        long value = integer(o, name, fallback);
        if (value != (int) value) {
            throw new IllegalArgumentException(name + " is out of range, got " + value);
        }
        return (int) value;
    }

    private static <E extends Enum<E>> E choice(Map<String, String> o, String name, Class<E> type, E fallback) {
        if (!o.containsKey(name)) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, o.get(name).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).toList() + ", got \"" + o.get(name) + "\"");
        }
    }

    private static void print(TrainingRun run, PrintStream out) {
        PublishedVersion published = run.published();
        out.printf(Locale.ROOT, "published %s version %d in %s%n", published.model(), published.version(),
                published.directory());
        out.printf(Locale.ROOT, "solver %s: %d iterations, objective %.10g, gradient max-norm %.2e%n",
                run.model().classifier().report().solver(), run.model().classifier().report().iterations(),
                run.model().classifier().report().objective(), run.model().classifier().report().gradientMaxNorm());
        CrossValidationResult cv = run.crossValidation();
        if (cv != null) {
            out.printf(Locale.ROOT, "cross-validation (%d folds): accuracy %.4f, log-loss %.4f, ROC-AUC %s%n",
                    cv.folds().size(), cv.meanAccuracy(), cv.meanLogLoss(), format(cv.meanRocAuc()));
        }
        Metrics test = run.test();
        if (test != null) {
            out.printf(Locale.ROOT, "test (%d rows): accuracy %.4f, log-loss %.4f, ROC-AUC %s%n",
                    test.rows(), test.accuracy(), test.logLoss(), format(test.rocAuc()));
        }
    }

    private static String format(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.4f", value);
    }
}
