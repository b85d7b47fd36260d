package org.mlplatform.builder.trainings.batch;

import org.mlplatform.pipeline.evaluation.Metrics;
import org.mlplatform.pipeline.evaluation.ScoredRows;

/**
 * The metrics of one cross-validation fold on their way from its partition to the analyzer.
 *
 * @param heldOut the fold's validation rows as scored, for the ROC curves of the pooled folds; null when a
 *                test set gives the curves
 */
public record FoldMetrics(int fold, Metrics metrics, ScoredRows heldOut) {
}
