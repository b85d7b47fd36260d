package org.mlplatform.pipeline.training;

import jakarta.json.JsonObject;
import org.mlplatform.pipeline.dataset.Dataset;

/**
 * Fits one kind of classifier; its hyper-parameters are fixed when it is built, the data comes to
 * {@link #fit}. The training pipeline scales (and resamples) the rows before and exports the result
 * through the {@link FittedClassifier} interface only.
 */
public interface ClassifierTrainer {

    /** Fits already-scaled rows. */
    FittedClassifier fit(Dataset data);

    /** The hyper-parameters, as {@code algorithm.params} of {@code metadata.json} names them. */
    JsonObject parameters();
}
