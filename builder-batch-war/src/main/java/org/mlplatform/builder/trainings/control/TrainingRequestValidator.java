package org.mlplatform.builder.trainings.control;

import org.mlplatform.pipeline.TrainingParameters;
import org.mlplatform.pipeline.TrainingRequest;
import org.mlplatform.pipeline.dataset.CsvSource;
import org.mlplatform.pipeline.preprocessing.Resampling;
import org.mlplatform.pipeline.preprocessing.ScalerKind;
import org.mlplatform.pipeline.training.ClassWeight;

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

    /** Model names become folder names in the repository: no separators, no dots in front. */
    private static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private final DataFolder dataFolder;

    public TrainingRequestValidator(DataFolder dataFolder) {
        this.dataFolder = dataFolder;
    }

    public TrainingRequest validate(Map<String, String> parameters) {
        TrainingRequestParser.checkNames(parameters);
        Values values = new Values(parameters);
        String model = values.required(MODEL.key());
        if (!MODEL_NAME.matcher(model).matches()) {
            throw new InvalidRequestException(MODEL.key(),
                    "model must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        TrainingParameters trainingParameters = trainingParameters(values);
        String labelColumn = values.optional(LABEL_COLUMN.key());
        CsvSource train = source(values, TRAIN_DATA.key(), TRAIN_LABELS.key(), labelColumn, true);
        CsvSource test = source(values, TEST_DATA.key(), TEST_LABELS.key(), labelColumn, false);
        return new TrainingRequest(model, train, test, trainingParameters);
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
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new InvalidRequestException(C.key(), "C must be a positive number, got " + values.optional(C.key()));
        }
        double tol = values.number(TOL.key(), defaults.tol());
        if (!(tol > 0) || Double.isInfinite(tol)) {
            throw new InvalidRequestException(TOL.key(), "tol must be a positive number, got " + values.optional(TOL.key()));
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
                throw new InvalidRequestException(key, key + " is out of range: " + value);
            }
            return (int) value;
        }

        long longInteger(String key, long fallback) {
            String value = optional(key);
            if (value == null) {
                return fallback;
            }
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new InvalidRequestException(key, key + " must be an integer, got " + value);
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
