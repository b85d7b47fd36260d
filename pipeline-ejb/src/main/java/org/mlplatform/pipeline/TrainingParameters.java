package org.mlplatform.pipeline;

import org.mlplatform.pipeline.options.TrainingOption;
import org.mlplatform.pipeline.training.LogisticRegressionParameters;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The parameters of one training run: the pipeline's around the algorithm and the algorithm's own.
 * {@link TrainingOption} maps each option to one of the two. {@link #defaults()} follows the original
 * service: robust scaler, balanced class weights, C = 1, 5 folds.
 */
public record TrainingParameters(PipelineParameters pipeline, LogisticRegressionParameters algorithm) {

    public TrainingParameters {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(algorithm, "algorithm");
    }

    /** Each option's value, by its option in {@link TrainingOption}'s table, in the table's order. */
    public Map<TrainingOption, Object> values() {
        Map<TrainingOption, Object> values = new EnumMap<>(TrainingOption.class);
        values.put(TrainingOption.SCALER, pipeline.scaler());
        values.put(TrainingOption.RESAMPLE, pipeline.resample());
        values.put(TrainingOption.CV_FOLDS, pipeline.cvFolds());
        values.put(TrainingOption.SEED, pipeline.seed());
        values.put(TrainingOption.C, algorithm.c());
        values.put(TrainingOption.CLASS_WEIGHT, algorithm.classWeight());
        values.put(TrainingOption.TOL, algorithm.tol());
        values.put(TrainingOption.MAX_ITER, algorithm.maxIter());
        return values;
    }

    public static TrainingParameters defaults() {
        return new TrainingParameters(PipelineParameters.defaults(), LogisticRegressionParameters.defaults());
    }
}
