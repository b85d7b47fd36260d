package org.mlplatform.pipeline;

import org.mlplatform.pipeline.options.TrainingOption;
import org.mlplatform.pipeline.preprocessing.Resampling;
import org.mlplatform.pipeline.preprocessing.ScalerKind;

/**
 * What a training run does around the algorithm, whatever the algorithm: scaling, resampling and
 * cross-validation. Bounds and defaults are those of {@link TrainingOption}.
 *
 * @param scaler   feature scaler fitted on the training rows
 * @param resample oversampling of minority classes in training rows
 * @param cvFolds  stratified cross-validation folds; 0 skips cross-validation
 * @param seed     seeds fold assignment and SMOTE
 */
public record PipelineParameters(ScalerKind scaler, Resampling resample, int cvFolds, long seed) {

    public PipelineParameters {
        TrainingOption.SCALER.check(scaler);
        TrainingOption.RESAMPLE.check(resample);
        TrainingOption.CV_FOLDS.check(cvFolds);
    }

    public static PipelineParameters defaults() {
        return new PipelineParameters((ScalerKind) TrainingOption.SCALER.parse(null),
                (Resampling) TrainingOption.RESAMPLE.parse(null), (Integer) TrainingOption.CV_FOLDS.parse(null),
                (Long) TrainingOption.SEED.parse(null));
    }
}
