package org.mlplatform.pipeline;

import org.mlplatform.pipeline.dataset.CsvSource;

/**
 * Everything one training run needs: the model to publish a version of, where the data is, and
 * the hyper-parameters.
 *
 * @param model      name of the model in the repository
 * @param train      training rows and their labels
 * @param test       held-out rows scored after the fit, or null
 * @param parameters hyper-parameters
 */
public record TrainingRequest(String model, CsvSource train, CsvSource test, TrainingParameters parameters) {
}
