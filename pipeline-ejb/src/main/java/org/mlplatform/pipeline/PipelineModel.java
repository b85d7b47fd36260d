package org.mlplatform.pipeline;

import org.mlplatform.pipeline.preprocessing.FittedScaler;
import org.mlplatform.pipeline.training.FittedClassifier;

/**
 * A fitted {@code Pipeline(scaler, classifier)}: what is exported to ONNX and published.
 */
public record PipelineModel(FittedScaler scaler, FittedClassifier classifier) {

    /** Class probabilities of one raw (unscaled) row. */
    public double[] predictProba(double[] rawRow) {
        return classifier.predictProba(scaler.transform(rawRow), 0);
    }
}
