package org.mlplatform.inference.drift.entity;

/**
 * One input column's recent distribution against its training baseline.
 *
 * @param index           the column
 * @param name            {@code featureNames[index]}, null when the model has none
 * @param psi             Population Stability Index; NaN while the window is empty
 * @param jensenShannon   Jensen–Shannon distance (base 2, 0..1); NaN while the window is empty
 * @param binEdges        the baseline's inner bin edges
 * @param referenceShares the training rows' share of each bin
 * @param recentShares    the recent window's share of each bin (all 0 while it is empty)
 */
public record FeatureDrift(int index, String name, double psi, double jensenShannon, DriftStatus status, double[] binEdges,
                           double[] referenceShares, double[] recentShares) {
}
