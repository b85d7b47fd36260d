package org.mlplatform.inference.scorings.entity;

import org.mlplatform.inference.models.entity.Predictions;

/** A block of rows and the model's outputs for its accepted rows (null when it has none). */
public record ScoredBlock(RowBlock block, Predictions predictions) {
}
