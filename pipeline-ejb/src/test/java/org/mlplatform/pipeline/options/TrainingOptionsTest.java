package org.mlplatform.pipeline.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlplatform.pipeline.PipelineParameters;
import org.mlplatform.pipeline.TrainingParameters;
import org.mlplatform.pipeline.TrainingRequest;
import org.mlplatform.pipeline.preprocessing.Resampling;
import org.mlplatform.pipeline.preprocessing.ScalerKind;
import org.mlplatform.pipeline.training.ClassWeight;
import org.mlplatform.pipeline.training.LogisticRegressionParameters;

class TrainingOptionsTest {

    private static final TrainingOptions BY_KEY = new TrainingOptions(TrainingOption::key, (option, path) -> Path.of(path));
    private static final TrainingOptions BY_FLAG = new TrainingOptions(TrainingOption::cliFlag, (option, path) -> Path.of(path));

    private static Map<TrainingOption, String> minimal() {
        Map<TrainingOption, String> values = new EnumMap<>(TrainingOption.class);
        values.put(TrainingOption.MODEL, "churn");
        values.put(TrainingOption.TRAIN_DATA, "x.csv");
        values.put(TrainingOption.TRAIN_LABELS, "y.csv");
        return values;
    }

    private static InvalidOptionException refused(TrainingOptions options, TrainingOption option, String value) {
        Map<TrainingOption, String> values = minimal();
        values.put(option, value);
        return assertThrows(InvalidOptionException.class, () -> options.request(values));
    }

    @Test
    void absentAndBlankValuesTakeTheTablesDefaults() {
        Map<TrainingOption, String> values = minimal();
        values.put(TrainingOption.C, " ");
        TrainingRequest request = BY_KEY.request(values);

        assertEquals(TrainingParameters.defaults(), request.parameters());
        assertEquals(new TrainingParameters(new PipelineParameters(ScalerKind.ROBUST, Resampling.NONE, 5, 42L),
                new LogisticRegressionParameters(1.0, ClassWeight.BALANCED, 1e-8, 1000)), request.parameters());
        assertNull(request.test());
    }

    @Test
    void eachOptionGoesToTheRecordItsGroupNames() {
        Map<TrainingOption, String> values = minimal();
        values.putAll(Map.of(TrainingOption.C, "0.25", TrainingOption.CLASS_WEIGHT, "none", TrainingOption.SCALER, "STANDARD",
                TrainingOption.RESAMPLE, "smote", TrainingOption.TOL, "1e-6", TrainingOption.MAX_ITER, "50",
                TrainingOption.CV_FOLDS, "0", TrainingOption.SEED, "-3"));
        TrainingParameters parameters = BY_KEY.request(values).parameters();

        assertEquals(new PipelineParameters(ScalerKind.STANDARD, Resampling.SMOTE, 0, -3), parameters.pipeline());
        assertEquals(new LogisticRegressionParameters(0.25, ClassWeight.NONE, 1e-6, 50), parameters.algorithm());
        parameters.values().keySet().forEach(option -> assertEquals(
                option.group() == TrainingOption.Group.PIPELINE ? "PipelineParameters" : "LogisticRegressionParameters",
                option.group().record(), option.key()));
    }

    @Test
    void theErrorCarriesTheOptionTheValueAndTheRuleNamedAsTheEntryPointSpellsIt() {
        InvalidOptionException byKey = refused(BY_KEY, TrainingOption.MAX_ITER, "0");
        assertEquals(TrainingOption.MAX_ITER, byKey.option());
        assertEquals("0", byKey.value());
        assertEquals("must be an integer from 1 to 2147483647", byKey.rule());
        assertEquals("maxIter must be an integer from 1 to 2147483647, got 0", byKey.getMessage());

        assertEquals("--max-iter must be an integer from 1 to 2147483647, got 0",
                refused(BY_FLAG, TrainingOption.MAX_ITER, "0").getMessage());
    }

    @Test
    void everyRuleRefusesWhatItMust() {
        assertEquals("C must be a number from 1.0E-8 to 1.0E8, got 1e9", refused(BY_KEY, TrainingOption.C, "1e9").getMessage());
        assertEquals("C must be a number, got abc", refused(BY_KEY, TrainingOption.C, "abc").getMessage());
        assertEquals("tol must be a number from 1.0E-12 to 0.1, got NaN", refused(BY_KEY, TrainingOption.TOL, "NaN").getMessage());
        assertEquals("maxIter must be an integer, got 1.5", refused(BY_KEY, TrainingOption.MAX_ITER, "1.5").getMessage());
        assertEquals("cvFolds must be 0 or an integer from 2 to 2147483647, got 1",
                refused(BY_KEY, TrainingOption.CV_FOLDS, "1").getMessage());
        assertEquals("seed must be a 64-bit integer, got 9223372036854775808",
                refused(BY_KEY, TrainingOption.SEED, "9223372036854775808").getMessage());
        assertEquals("scaler must be one of none, standard, robust, got minmax",
                refused(BY_KEY, TrainingOption.SCALER, "minmax").getMessage());
        assertEquals(TrainingOption.MODEL, refused(BY_KEY, TrainingOption.MODEL, "../m").option());
    }

    @Test
    void rulesBetweenOptionsNameBothAsTheEntryPointSpellsThem() {
        Map<TrainingOption, String> both = minimal();
        both.put(TrainingOption.LABEL_COLUMN, "y");
        assertEquals("trainLabels or labelColumn may be given, not both",
                assertThrows(InvalidOptionException.class, () -> BY_KEY.request(both)).getMessage());
        assertEquals("--train-labels or --label-column may be given, not both",
                assertThrows(InvalidOptionException.class, () -> BY_FLAG.request(both)).getMessage());

        Map<TrainingOption, String> testLabelsAlone = minimal();
        testLabelsAlone.put(TrainingOption.TEST_LABELS, "t.csv");
        InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> BY_KEY.request(testLabelsAlone));
        assertEquals(TrainingOption.TEST_LABELS, e.option());
        assertEquals("testLabels needs testData", e.getMessage());

        Map<TrainingOption, String> noModel = minimal();
        noModel.remove(TrainingOption.MODEL);
        assertEquals("model is required", assertThrows(InvalidOptionException.class, () -> BY_KEY.request(noModel)).getMessage());
    }

    @Test
    void recordsBuiltInCodeAreHeldToTheSameRules() {
        assertEquals(TrainingOption.MAX_ITER, assertThrows(InvalidOptionException.class,
                () -> new LogisticRegressionParameters(1.0, ClassWeight.NONE, 1e-8, 0)).option());
        assertEquals(TrainingOption.C, assertThrows(InvalidOptionException.class,
                () -> new LogisticRegressionParameters(1e-9, ClassWeight.NONE, 1e-8, 10)).option());
        assertEquals(TrainingOption.CV_FOLDS, assertThrows(InvalidOptionException.class,
                () -> new PipelineParameters(ScalerKind.NONE, Resampling.NONE, 1, 42)).option());
    }

    @Test
    void namesAreLookedUpByKeyAndByFlag() {
        assertEquals(TrainingOption.CV_FOLDS, TrainingOption.byKey("cvFolds").orElseThrow());
        assertEquals(TrainingOption.CV_FOLDS, TrainingOption.byCliFlag("--cv-folds").orElseThrow());
        assertEquals("penalty", assertThrows(UnknownOptionException.class,
                () -> TrainingOptions.byKey(Map.of("penalty", "l1"))).name());
    }
}
