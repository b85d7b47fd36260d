package org.mlplatform.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.mlplatform.pipeline.evaluation.CrossValidationResult;
import org.mlplatform.pipeline.evaluation.Metrics;
import org.mlplatform.pipeline.options.TrainingOption;
import org.mlplatform.pipeline.options.TrainingOptions;
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
                            %s
            Without --train-data, trains the default data set (models/data/default) with its test files.
            Options, defaults and ranges: README, "Job parameters".""".formatted(parameterUsage());

    static final String DEFAULT_DATA_SET = "default";

    private static final String MODELS_DIR = "--models-dir";
    private static final List<TrainingOption> DATA_OPTIONS = List.of(TrainingOption.TRAIN_LABELS,
            TrainingOption.LABEL_COLUMN, TrainingOption.TEST_DATA, TrainingOption.TEST_LABELS);

    /** {@code [--C 1.0] [--class-weight balanced] ...}: the parameters with their defaults, from the option table. */
    private static String parameterUsage() {
        return Arrays.stream(TrainingOption.values()).filter(option -> option.group() != TrainingOption.Group.REQUEST)
                .map(option -> "[" + option.cliFlag() + " " + option.defaultText() + "]")
                .collect(Collectors.joining(" "));
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(USAGE);
            return 0;
        }
        try {
            Map<TrainingOption, String> options = new EnumMap<>(TrainingOption.class);
            String modelsFolder = parse(args, options);
            TrainingRequest request = new TrainingOptions(TrainingOption::cliFlag, (option, path) -> Path.of(path))
                    .request(options);
            Path modelsDir = Path.of(modelsFolder != null ? modelsFolder
                    : System.getProperty("mlplatform.models.dir", "models"));
            TrainingPipeline pipeline = new TrainingPipeline(request.parameters());
            TrainingRun run = pipeline.run(request, new ModelRepository(modelsDir));
            print(run, out);
            FitReport report = run.model().classifier().report();
            if (!report.converged()) {
                err.printf(Locale.ROOT, "warning: the fit stopped at --max-iter %d with a gradient max-norm of %.2e, "
                        + "above --tol %.1e, so it is short of the optimum; raise --max-iter%n",
                        request.parameters().algorithm().maxIter(), report.gradientMaxNorm(),
                        request.parameters().algorithm().tol());
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

    /** Reads the options into {@code options} by their flags; returns the models folder when given. */
    private static String parse(String[] args, Map<TrainingOption, String> options) {
        String modelsFolder = null;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            TrainingOption option = TrainingOption.byCliFlag(name).orElse(null);
            if (option == null && !name.equals(MODELS_DIR)) {
                throw new IllegalArgumentException("unknown option " + name + " (run with --help for usage)");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + name + " needs a value");
            }
            if (option == null) {
                modelsFolder = args[++i];
            } else {
                options.put(option, args[++i]);
            }
        }
        options.putIfAbsent(TrainingOption.MODEL, DEFAULT_DATA_SET);
        if (!options.containsKey(TrainingOption.TRAIN_DATA)) {
            DATA_OPTIONS.stream().filter(options::containsKey).findFirst().ifPresent(option -> {
                throw new IllegalArgumentException(option.cliFlag() + " needs --train-data (without data options "
                        + "the default data set is trained)");
            });
            Path folder = Path.of(System.getProperty("mlplatform.data.dir", "models/data"), DEFAULT_DATA_SET);
            options.put(TrainingOption.TRAIN_DATA, folder.resolve("train_data.csv").toString());
            options.put(TrainingOption.TRAIN_LABELS, folder.resolve("train_labels.csv").toString());
            options.put(TrainingOption.TEST_DATA, folder.resolve("test_data.csv").toString());
            options.put(TrainingOption.TEST_LABELS, folder.resolve("test_labels.csv").toString());
        }
        return modelsFolder;
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
