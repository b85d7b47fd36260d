package org.mlplatform.builder.trainings.entity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The parameters of the {@code train-model} job: the command-line trainer's options, named as the
 * REST body, the JMS message and the batch job parameters spell them.
 */
public enum JobParameter {
    MODEL("model"),
    TRAIN_DATA("trainData"),
    TRAIN_LABELS("trainLabels"),
    LABEL_COLUMN("labelColumn"),
    TEST_DATA("testData"),
    TEST_LABELS("testLabels"),
    C("C"),
    CLASS_WEIGHT("classWeight"),
    SCALER("scaler"),
    RESAMPLE("resample"),
    TOL("tol"),
    MAX_ITER("maxIter"),
    CV_FOLDS("cvFolds"),
    SEED("seed");

    private final String key;

    JobParameter(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<JobParameter> byKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }
}
