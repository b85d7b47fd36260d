package org.mlplatform.inference.explanations.entity;

import java.util.List;

/**
 * One logit of one row: {@code base + sum of contributions = logit}.
 *
 * @param classIndex    the class whose logit this is, an index into {@code classes} (binary models: 1)
 * @param logit         intercept + coefficients . scaled input
 * @param base          the logit of a row at the training means: intercept + coefficients . scaled means
 * @param contributions one per feature, the largest absolute contribution first
 */
public record LogitExplanation(int classIndex, double logit, double base, List<FeatureContribution> contributions) {

    public LogitExplanation {
        contributions = List.copyOf(contributions);
    }
}
