package org.mlplatform.builder.trainings.control;

import java.util.List;

/** Names from {@code META-INF/batch-jobs/train-model.xml}. */
public final class TrainingJob {

    public static final String NAME = "train-model";
    public static final String VALIDATE_DATA = "validate-data";
    public static final String CROSS_VALIDATE = "cross-validate";
    public static final String FIT_AND_EVALUATE = "fit-and-evaluate";
    public static final String PUBLISH = "publish";
    public static final String ANNOUNCE = "announce";
    public static final List<String> STEPS = List.of(VALIDATE_DATA, CROSS_VALIDATE, FIT_AND_EVALUATE, PUBLISH, ANNOUNCE);

    /** Prefix of the parameters the batch runtime (JBeret) adds itself, e.g. on restart. */
    private static final String RUNTIME_PARAMETER_PREFIX = "jberet.";

    private TrainingJob() {
    }

    /** True for a job parameter the batch runtime added, as opposed to a training option. */
    public static boolean isRuntimeParameter(String name) {
        return name.startsWith(RUNTIME_PARAMETER_PREFIX);
    }
}
