package org.mlplatform.pipeline.options;

import org.mlplatform.pipeline.PipelineParameters;
import org.mlplatform.pipeline.TrainingParameters;
import org.mlplatform.pipeline.TrainingRequest;
import org.mlplatform.pipeline.dataset.CsvSource;
import org.mlplatform.pipeline.preprocessing.Resampling;
import org.mlplatform.pipeline.preprocessing.ScalerKind;
import org.mlplatform.pipeline.training.ClassWeight;
import org.mlplatform.pipeline.training.LogisticRegressionParameters;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

import static org.mlplatform.pipeline.options.TrainingOption.*;

/**
 * Reads option texts, as any entry point gives them, into a {@link TrainingRequest}: each value by its
 * option's rule, then the rules between options (labels from a file or a column, test labels need
 * test data). Absent or blank values take the defaults.
 *
 * @param names how the entry point's users spell an option in messages: {@link TrainingOption#key()}
 *              or {@link TrainingOption#cliFlag()}
 * @param paths turns a data path into a file, e.g. inside the builder's data folder; it may refuse
 *              the path with an {@link InvalidOptionException} for the option
 */
public record TrainingOptions(Function<TrainingOption, String> names, DataPaths paths) {

    /** Where a data option's path leads. */
    @FunctionalInterface
    public interface DataPaths {
        Path resolve(TrainingOption option, String path);
    }

    /** Options by their {@link TrainingOption#key()}, refusing a name that is no option. */
    public static Map<TrainingOption, String> byKey(Map<String, String> values) {
        Map<TrainingOption, String> options = new EnumMap<>(TrainingOption.class);
        values.forEach((key, value) -> options.put(TrainingOption.byKey(key)
                .orElseThrow(() -> new UnknownOptionException(key)), value));
        return options;
    }

    public TrainingRequest request(Map<TrainingOption, String> values) {
        try {
            String model = (String) required(values, MODEL);
            TrainingParameters parameters = parameters(values);
            String labelColumn = (String) LABEL_COLUMN.parse(values.get(LABEL_COLUMN));
            CsvSource train = source(values, TRAIN_DATA, TRAIN_LABELS, labelColumn);
            CsvSource test = source(values, TEST_DATA, TEST_LABELS, labelColumn);
            return new TrainingRequest(model, train, test, parameters);
        } catch (InvalidOptionException e) {
            throw e.named(names);
        }
    }

    /** The pipeline's and the algorithm's parameters alone, e.g. to read one option of a stored request. */
    public static TrainingParameters parameters(Map<TrainingOption, String> values) {
        return new TrainingParameters(
                new PipelineParameters((ScalerKind) SCALER.parse(values.get(SCALER)),
                        (Resampling) RESAMPLE.parse(values.get(RESAMPLE)), (Integer) CV_FOLDS.parse(values.get(CV_FOLDS)),
                        (Long) SEED.parse(values.get(SEED))),
                new LogisticRegressionParameters((Double) C.parse(values.get(C)),
                        (ClassWeight) CLASS_WEIGHT.parse(values.get(CLASS_WEIGHT)), (Double) TOL.parse(values.get(TOL)),
                        (Integer) MAX_ITER.parse(values.get(MAX_ITER))));
    }

    private static Object required(Map<TrainingOption, String> values, TrainingOption option) {
        Object value = option.parse(values.get(option));
        if (value == null) {
            throw new InvalidOptionException(option, null, "is required");
        }
        return value;
    }

    private CsvSource source(Map<TrainingOption, String> values, TrainingOption dataOption, TrainingOption labelsOption,
                             String labelColumn) {
        String data = (String) (dataOption.required() ? required(values, dataOption) : dataOption.parse(values.get(dataOption)));
        String labels = (String) labelsOption.parse(values.get(labelsOption));
        if (data == null) {
            if (labels != null) {
                throw new InvalidOptionException(labelsOption, null, "needs " + names.apply(dataOption));
            }
            return null;
        }
        if (labels != null && labelColumn != null) {
            throw new InvalidOptionException(labelsOption, null, "or " + names.apply(LABEL_COLUMN)
                    + " may be given, not both");
        }
        if (labels == null && labelColumn == null) {
            throw new InvalidOptionException(labelsOption, null, "or " + names.apply(LABEL_COLUMN) + " is required");
        }
        Path features = paths.resolve(dataOption, data);
        Path labelFile = labels == null ? null : paths.resolve(labelsOption, labels);
        return new CsvSource(features, labelFile, labelFile == null ? labelColumn : null);
    }
}
