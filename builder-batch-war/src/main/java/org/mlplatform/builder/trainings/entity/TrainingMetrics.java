package org.mlplatform.builder.trainings.entity;

import org.mlplatform.pipeline.evaluation.CrossValidationResult;
import org.mlplatform.pipeline.evaluation.Metrics;

/**
 * Metrics a training job has computed so far; each part is null until (or unless) computed.
 *
 * @param crossValidation each fold's validation metrics
 * @param crossValidationMean their unweighted means
 * @param test the fitted model's metrics on the test set
 */
public record TrainingMetrics(CrossValidationResult crossValidation, MeanMetrics crossValidationMean, Metrics test) {

    public static TrainingMetrics of(CrossValidationResult crossValidation, Metrics test) {
        MeanMetrics mean = crossValidation == null ? null : new MeanMetrics(crossValidation.meanAccuracy(),
                crossValidation.meanLogLoss(), crossValidation.meanRocAuc());
        return new TrainingMetrics(crossValidation, mean, test);
    }

    /** Mean accuracy, log-loss and ROC-AUC over the folds (ROC-AUC null when a fold lacks a class). */
    public record MeanMetrics(double accuracy, double logLoss, Double rocAuc) {
    }
}
