package org.mlplatform.builder.trainings.batch;

import org.mlplatform.pipeline.evaluation.Metrics;

/** The metrics of one cross-validation fold on their way from its partition to the analyzer. */
public record FoldMetrics(int fold, Metrics metrics) {
}
