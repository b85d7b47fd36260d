package org.mlplatform.pipeline.training;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbSubtype;
import jakarta.json.bind.annotation.JsonbTypeInfo;
import org.mlplatform.pipeline.dataset.ClassLabels;
import org.mlplatform.pipeline.onnx.OnnxExportable;

/**
 * A classifier fitted on scaled rows; immutable, built only by its {@link ClassifierTrainer}. It scores
 * rows, exports its part of the ONNX graph (the scaler in front of it is the pipeline's) and describes
 * itself for {@code metadata.json}. The JSON-B type key lets the batch job hand a fitted model from one
 * step to the next whatever its type; a new model type adds its subtype here.
 */
@JsonbTypeInfo(key = "type", value = {
        @JsonbSubtype(alias = LogisticRegressionModel.ALGORITHM, type = LogisticRegressionModel.class)})
public interface FittedClassifier extends OnnxExportable {

    /** The labels, in probability-column order. */
    ClassLabels classes();

    int featureCount();

    /** Class probabilities of one scaled row starting at {@code offset}, in {@link #classes()} order. */
    double[] predictProba(double[] row, int offset);

    /** Index of the most probable class; the first one on an exact tie. */
    default int predict(double[] row, int offset) {
        double[] p = predictProba(row, offset);
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }

    /** How the fit went. */
    FitReport report();

    /**
     * The {@code algorithm} section of {@code metadata.json} without its parameters (those are the
     * trainer's): {@code name} and the learned state, e.g. coefficients.
     */
    JsonObject describe();
}
