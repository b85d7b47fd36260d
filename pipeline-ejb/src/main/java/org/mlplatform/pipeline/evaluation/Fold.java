package org.mlplatform.pipeline.evaluation;

/**
 * One cross-validation split: train on {@code trainRows}, score {@code validationRows}. Row indices
 * are ascending and refer to the data set that was split.
 */
public record Fold(int index, int[] trainRows, int[] validationRows) {
}
