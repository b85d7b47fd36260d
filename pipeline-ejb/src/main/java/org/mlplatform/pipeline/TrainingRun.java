package org.mlplatform.pipeline;

import org.mlplatform.pipeline.evaluation.CrossValidationResult;
import org.mlplatform.pipeline.evaluation.Metrics;
import org.mlplatform.repository.PublishedVersion;

/**
 * The outcome of a whole training run.
 *
 * @param model           the pipeline fitted on all training rows
 * @param crossValidation per-fold metrics, or null when cross-validation was off
 * @param test            metrics on the test set, or null when none was given
 * @param published       the new version in the repository
 */
public record TrainingRun(PipelineModel model, CrossValidationResult crossValidation, Metrics test,
                          PublishedVersion published) {
}
