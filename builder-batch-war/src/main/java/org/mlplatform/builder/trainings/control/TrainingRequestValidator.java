package org.mlplatform.builder.trainings.control;

import org.mlplatform.pipeline.TrainingParameters;
import org.mlplatform.pipeline.TrainingRequest;
import org.mlplatform.pipeline.dataset.CsvSource;
import org.mlplatform.pipeline.preprocessing.Resampling;
import org.mlplatform.pipeline.preprocessing.ScalerKind;
import org.mlplatform.pipeline.training.ClassWeight;
import org.mlplatform.repository.ModelRepository;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.mlplatform.builder.trainings.entity.JobParameter.*;

/**
 * Turns job parameters (strings, as REST, JMS, the console and the CLI give them) into a
 * {@link TrainingRequest}, naming the field of the first problem. Absent or empty values take the
 * defaults of {@link TrainingParameters#defaults()}. Data paths are resolved inside the data folder.
 */
public final class TrainingRequestValidator {

    /** An integer as written in a job parameter; a fraction or an exponent is not one. */
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    private final DataFolder dataFolder;
    private final Path modelsRoot;

    /** A validator that does not know the model repository, so it cannot check model names against the data folder. */
    public TrainingRequestValidator(DataFolder dataFolder) {
        this(dataFolder, null);
    }

    /**
     * @param modelsRoot the model repository, where a model's versions go in {@code <root>/<model>}: a
     *                   model name whose folder would be, hold or lie in the data folder is refused
     */
    public TrainingRequestValidator(DataFolder dataFolder, Path modelsRoot) {
        this.dataFolder = dataFolder;
        this.modelsRoot = modelsRoot == null ? null : modelsRoot.toAbsolutePath().normalize();
    }

    public TrainingRequest validate(Map<String, String> parameters) {
        TrainingRequestParser.checkNames(parameters);
        Values values = new Values(parameters);
        String model = values.required(MODEL.key());
        checkModelName(model);
        TrainingParameters trainingParameters = trainingParameters(values);
        String labelColumn = values.optional(LABEL_COLUMN.key());
        CsvSource train = source(values, TRAIN_DATA.key(), TRAIN_LABELS.key(), labelColumn, true);
        CsvSource test = source(values, TEST_DATA.key(), TEST_LABELS.key(), labelColumn, false);
        return new TrainingRequest(model, train, test, trainingParameters);
    }

    /** A name a model can be published under: the repository's rule, and not the data folder's place. */
    public void checkModelName(String model) {
        if (!ModelRepository.isName(model)) {
            throw new InvalidRequestException(MODEL.key(),
                    "model must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        requireOutsideDataFolder(model);
    }

    /**
     * The data folder may sit inside the model repository (the default: {@code models/data}); a model
     * named after it would publish its versions among the training files, and a scan of the
     * repository would take the data folder for a model.
     */
    private void requireOutsideDataFolder(String model) {
        if (modelsRoot == null) {
            return;
        }
        Path modelFolder = modelsRoot.resolve(model).normalize();
        Path data = dataFolder.root();
        if (data.startsWith(modelFolder) || modelFolder.startsWith(data)) {
            String where = data.startsWith(modelsRoot)
                    ? "which is " + modelsRoot.relativize(data).toString().replace('\\', '/') + " in the model repository"
                    : "which holds the model repository";
            throw new InvalidRequestException(MODEL.key(), "model name " + model + " is taken by the data folder, "
                    + where + "; choose another name");
        }
    }

    private CsvSource source(Values values, String dataField, String labelsField, String labelColumn,
                             boolean required) {
        String data = required ? values.required(dataField) : values.optional(dataField);
        String labels = values.optional(labelsField);
        if (data == null) {
            if (labels != null) {
                throw new InvalidRequestException(labelsField, labelsField + " needs " + dataField);
            }
            return null;
        }
        if (labels != null && labelColumn != null) {
            throw new InvalidRequestException(labelsField, "give " + labelsField + " or labelColumn, not both");
        }
        if (labels == null && labelColumn == null) {
            throw new InvalidRequestException(labelsField, labelsField + " or labelColumn is required");
        }
        Path features = dataFolder.resolve(dataField, data);
        Path labelFile = labels == null ? null : dataFolder.resolve(labelsField, labels);
        return new CsvSource(features, labelFile, labelFile == null ? labelColumn : null);
    }

    private static TrainingParameters trainingParameters(Values values) {
        TrainingParameters defaults = TrainingParameters.defaults();
        double c = values.number(C.key(), defaults.c());
        if (!(c >= TrainingParameters.MIN_C && c <= TrainingParameters.MAX_C)) {
            throw new InvalidRequestException(C.key(), "C must be a number from " + TrainingParameters.MIN_C + " to "
                    + TrainingParameters.MAX_C + " (the range the solver reaches the optimum in), got "
                    + values.optional(C.key()));
        }
        double tol = values.number(TOL.key(), defaults.tol());
        if (!(tol >= TrainingParameters.MIN_TOL && tol <= TrainingParameters.MAX_TOL)) {
            throw new InvalidRequestException(TOL.key(), "tol must be a number from " + TrainingParameters.MIN_TOL
                    + " to " + TrainingParameters.MAX_TOL + " (double precision resolves no finer gradient), got "
                    + values.optional(TOL.key()));
        }
        int maxIter = values.integer(MAX_ITER.key(), defaults.maxIter());
        if (maxIter < 1) {
            throw new InvalidRequestException(MAX_ITER.key(), "maxIter must be at least 1, got " + maxIter);
        }
        int cvFolds = values.integer(CV_FOLDS.key(), defaults.cvFolds());
        if (cvFolds < 0 || cvFolds == 1) {
            throw new InvalidRequestException(CV_FOLDS.key(),
                    "cvFolds must be 0 (no cross-validation) or at least 2, got " + cvFolds);
        }
        long seed = values.longInteger(SEED.key(), defaults.seed());
        return new TrainingParameters(c,
                values.choice(CLASS_WEIGHT.key(), ClassWeight.class, defaults.classWeight()),
                values.choice(SCALER.key(), ScalerKind.class, defaults.scaler()),
                values.choice(RESAMPLE.key(), Resampling.class, defaults.resample()),
                tol, maxIter, cvFolds, seed);
    }

    /** Typed reads of the string values; empty means absent. */
    private record Values(Map<String, String> raw) {

        String optional(String key) {
            String value = raw.get(key);
            return value == null || value.isBlank() ? null : value.trim();
        }

        String required(String key) {
            String value = optional(key);
            if (value == null) {
                throw new InvalidRequestException(key, key + " is required");
            }
            return value;
        }

        double number(String key, double fallback) {
            String value = optional(key);
            if (value == null) {
                return fallback;
            }
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new InvalidRequestException(key, key + " must be a number, got " + value);
            }
        }

        int integer(String key, int fallback) {
            long value = longInteger(key, fallback);
            if (value != (int) value) {
                throw new InvalidRequestException(key, key + " is out of range: " + value + " (at most "
                        + Integer.MAX_VALUE + ")");
            }
            return (int) value;
        }

        long longInteger(String key, long fallback) {
            String value = optional(key);
            if (value == null) {
                return fallback;
            }
            if (!INTEGER.matcher(value).matches()) {
                throw new InvalidRequestException(key, key + " must be an integer, got " + value);
            }
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new InvalidRequestException(key, key + " is out of range: " + value + " (from " + Long.MIN_VALUE
                        + " to " + Long.MAX_VALUE + ")");
            }
        }

        <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
            String value = optional(key);
            if (value == null) {
                return fallback;
            }
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                String allowed = Arrays.stream(type.getEnumConstants())
                        .map(constant -> constant.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", "));
                throw new InvalidRequestException(key, key + " must be one of " + allowed + ", got " + value);
            }
        }
    }
}
