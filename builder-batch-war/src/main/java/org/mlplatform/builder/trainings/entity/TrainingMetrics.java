package org.mlplatform.builder.trainings.entity;

import org.mlplatform.pipeline.evaluation.CrossValidationResult;
import org.mlplatform.pipeline.evaluation.Metrics;

/** Metrics a training job has computed so far; either part is null until (or unless) computed. */
public record TrainingMetrics(CrossValidationResult crossValidation, Metrics test) {
}
