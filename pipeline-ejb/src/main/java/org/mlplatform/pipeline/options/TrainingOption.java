package org.mlplatform.pipeline.options;

import org.mlplatform.pipeline.preprocessing.Resampling;
import org.mlplatform.pipeline.preprocessing.ScalerKind;
import org.mlplatform.pipeline.training.ClassWeight;
import org.mlplatform.repository.ModelRepository;

import java.util.Arrays;
import java.util.Optional;

/**
 * The one table of training options: every entry point reads options through it (the command line by
 * {@link #cliFlag()}, REST JSON, multipart fields, JMS messages and batch job properties from the
 * console or jboss-cli by {@link #key()}), so a value means the same and is refused for the same reason
 * everywhere. The README's option table is generated from this one ({@code TrainingOptionTableTest}).
 */
public enum TrainingOption {

    MODEL("model", "--model", Group.REQUEST, null,
            new OptionRule.Text(ModelRepository.NAME,
                    "1-64 of A-Z a-z 0-9 . _ -, starting with a letter or digit"),
            "model name in the repository; not the data folder's name when the data folder lies in the model "
                    + "repository (`data` by default, see Configuration); the command line trains `default`"),
    TRAIN_DATA("trainData", "--train-data", Group.REQUEST, null, path(),
            "training features CSV (header row optional; cells may be quoted as RFC 4180 says, `\"-1.37\"` is a number)"),
    TRAIN_LABELS("trainLabels", "--train-labels", Group.REQUEST, null, path(),
            "labels CSV, one label per line; or else `labelColumn`"),
    LABEL_COLUMN("labelColumn", "--label-column", Group.REQUEST, null,
            new OptionRule.Text(null, "a header name or a 0-based index"),
            "label column of the data files"),
    TEST_DATA("testData", "--test-data", Group.REQUEST, null, path(), "test features CSV, scored after the fit"),
    TEST_LABELS("testLabels", "--test-labels", Group.REQUEST, null, path(), "test labels CSV (or `labelColumn`)"),
    /*
     * The range of C and tol in which the solvers reach the optimum of every reference case (seed,
     * iris, breast_cancer; raw, standard and robust scaling) within the default 1000 iterations, at
     * every corner. Outside it they need not: C = 1e-20 leaves the raw sets unconverged after 1000
     * Newton steps, so does C = 1e10 with tol = 1e-12 on raw breast_cancer, C = 1e-320 makes the
     * regularisation weight 1 / (C * rows) infinite (the solver breaks down), tol = 1e-15 is below
     * what double precision resolves on some sets, and a tol above 0.1 stops before the first step.
     */
    C("C", "--C", Group.ALGORITHM, "1.0", new OptionRule.Decimal(1e-8, 1e8),
            "inverse regularisation strength (the range where the solver reaches the optimum)"),
    CLASS_WEIGHT("classWeight", "--class-weight", Group.ALGORITHM, "balanced", new OptionRule.Choice(ClassWeight.class),
            "sample weighting in the loss"),
    SCALER("scaler", "--scaler", Group.PIPELINE, "robust", new OptionRule.Choice(ScalerKind.class),
            "feature scaler fitted on the training rows"),
    RESAMPLE("resample", "--resample", Group.PIPELINE, "none", new OptionRule.Choice(Resampling.class),
            "oversampling of minority classes (training rows of each fold only)"),
    TOL("tol", "--tol", Group.ALGORITHM, "1e-8", new OptionRule.Decimal(1e-12, 0.1),
            "stop when the largest gradient component is at most this"),
    MAX_ITER("maxIter", "--max-iter", Group.ALGORITHM, "1000", new OptionRule.WholeNumber(1, Integer.MAX_VALUE, false),
            "most solver iterations"),
    CV_FOLDS("cvFolds", "--cv-folds", Group.PIPELINE, "5", new OptionRule.WholeNumber(2, Integer.MAX_VALUE, true),
            "stratified folds, run in parallel (one per core); `0` skips cross-validation; at most the smallest class count"),
    SEED("seed", "--seed", Group.PIPELINE, "42", new OptionRule.WholeNumber(Long.MIN_VALUE, Long.MAX_VALUE, false),
            "seeds the folds and SMOTE");

    /** Which record an option's value goes to. */
    public enum Group {
        /** {@link org.mlplatform.pipeline.TrainingRequest}: what to train on and where to publish. */
        REQUEST("TrainingRequest"),
        /** {@link org.mlplatform.pipeline.PipelineParameters}: what happens around the algorithm. */
        PIPELINE("PipelineParameters"),
        /** {@link org.mlplatform.pipeline.training.LogisticRegressionParameters}: the algorithm's hyper-parameters. */
        ALGORITHM("LogisticRegressionParameters");

        private final String record;

        Group(String record) {
            this.record = record;
        }

        public String record() {
            return record;
        }
    }

    private final String key;
    private final String cliFlag;
    private final Group group;
    private final String defaultText;
    private final OptionRule rule;
    private final String meaning;

    TrainingOption(String key, String cliFlag, Group group, String defaultText, OptionRule rule, String meaning) {
        this.key = key;
        this.cliFlag = cliFlag;
        this.group = group;
        this.defaultText = defaultText;
        this.rule = rule;
        this.meaning = meaning;
    }

    private static OptionRule path() {
        return new OptionRule.Text(null, "a path inside the data folder (the command line: any path)");
    }

    /** The name in a REST or JMS JSON body, a multipart field and a batch job property. */
    public String key() {
        return key;
    }

    public String cliFlag() {
        return cliFlag;
    }

    public Group group() {
        return group;
    }

    /** The default as an entry point would write it, or null when the option has none. */
    public String defaultText() {
        return defaultText;
    }

    public OptionRule rule() {
        return rule;
    }

    public String meaning() {
        return meaning;
    }

    /** Whether a request must give it (the command line gives the model and data of its own). */
    public boolean required() {
        return this == MODEL || this == TRAIN_DATA;
    }

    /** The value of the text (trimmed), or the default when it is null or blank. */
    public Object parse(String text) {
        String given = text == null || text.isBlank() ? defaultText : text.trim();
        return given == null ? null : rule.parse(this, given);
    }

    /** Refuses a value given in code that breaks the option's rule, as a parsed text would be refused. */
    public void check(Object value) {
        rule.check(this, value);
    }

    public static Optional<TrainingOption> byKey(String key) {
        return Arrays.stream(values()).filter(option -> option.key.equals(key)).findFirst();
    }

    public static Optional<TrainingOption> byCliFlag(String flag) {
        return Arrays.stream(values()).filter(option -> option.cliFlag.equals(flag)).findFirst();
    }
}
