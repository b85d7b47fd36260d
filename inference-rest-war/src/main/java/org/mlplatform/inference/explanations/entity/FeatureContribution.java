package org.mlplatform.inference.explanations.entity;

/**
 * One feature's part of a logit, in log-odds: coefficient x (scaled value - scaled training mean).
 *
 * @param index        the column, 0-based
 * @param name         the column's name from the training header, null when it had none
 * @param value        the input value as the model saw it (float32)
 * @param contribution how far this feature moves the logit away from the base value
 */
public record FeatureContribution(int index, String name, float value, double contribution) {
}
