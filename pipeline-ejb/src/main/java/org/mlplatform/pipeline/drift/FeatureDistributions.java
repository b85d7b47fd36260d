package org.mlplatform.pipeline.drift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.mlplatform.pipeline.dataset.Dataset;
import org.mlplatform.repository.ModelMetadata.FeatureDistribution;

/**
 * The drift baseline of a training set: per input column its mean, population standard deviation,
 * range, 10-quantile bin edges and the share of rows in each bin (docs/model-repository.md,
 * {@code features}). Computed on the rows as read, before resampling and scaling, so that served rows,
 * which arrive unscaled, are compared with what the model was trained on.
 */
public final class FeatureDistributions {

    /** Bins wanted per feature; fewer when quantiles coincide (a column with few distinct values). */
    public static final int BINS = 10;

    private FeatureDistributions() {
    }

    /** One distribution per column of {@code data}, in column order. */
    public static List<FeatureDistribution> of(Dataset data) {
        List<FeatureDistribution> features = new ArrayList<>(data.columns());
        double[] column = new double[data.rows()];
        for (int j = 0; j < data.columns(); j++) {
            for (int i = 0; i < data.rows(); i++) {
                column[i] = data.value(i, j);
            }
            features.add(of(column));
        }
        return List.copyOf(features);
    }

    /** The distribution of one column's values. */
    public static FeatureDistribution of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values: a distribution needs at least one row");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        double[] moments = finite(values, FeatureDistributions::meanAndStd);
        double[] edges = distinct(finite(values, FeatureDistributions::innerQuantiles));
        return new FeatureDistribution(moments[0], moments[1], min, max, edges, shares(values, edges));
    }

    private static double[] meanAndStd(double[] values) {
        return new double[] {new Mean().evaluate(values), new StandardDeviation(false).evaluate(values)};
    }

    /**
     * The 10-quantiles q = 0.1 ... 0.9. R_7 is numpy's default {@code linear} method: the quantile q of
     * n sorted values interpolates at position q (n - 1).
     */
    private static double[] innerQuantiles(double[] values) {
        Percentile quantile = new Percentile().withEstimationType(EstimationType.R_7);
        quantile.setData(values);
        double[] quantiles = new double[BINS - 1];
        for (int k = 1; k < BINS; k++) {
            quantiles[k - 1] = quantile.evaluate(100.0 * k / BINS);
        }
        return quantiles;
    }

    /**
     * Statistics that scale with the values (f(2^k x) = 2^k f(x)), computed on the values as they are
     * or, when that overflows (squared deviations of values beyond 1e154, sums near
     * {@code Double.MAX_VALUE}), on the values scaled by a power of two to below 1 and scaled back. Such
     * scaling is exact, so the second way gives the first's numbers wherever the first is finite; JSON,
     * and so metadata.json, has no infinities.
     */
    private static double[] finite(double[] values, UnaryOperator<double[]> statistics) {
        double[] result = statistics.apply(values);
        if (Arrays.stream(result).allMatch(Double::isFinite)) {
            return result;
        }
        double largest = 0;
        for (double value : values) {
            largest = Math.max(largest, Math.abs(value));
        }
        int shift = Math.getExponent(largest) + 1;
        double[] scaled = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            scaled[i] = Math.scalb(values[i], -shift);
        }
        double[] scaledResult = statistics.apply(scaled);
        for (int i = 0; i < scaledResult.length; i++) {
            scaledResult[i] = Math.scalb(scaledResult[i], shift);
        }
        return scaledResult;
    }

    /** Ascending values with repeats dropped. */
    private static double[] distinct(double[] ascending) {
        double[] edges = new double[ascending.length];
        int distinct = 0;
        for (double edge : ascending) {
            if (distinct == 0 || edge > edges[distinct - 1]) {
                edges[distinct++] = edge;
            }
        }
        return Arrays.copyOf(edges, distinct);
    }

    /** Bin i holds the values x with {@code edges[i-1] < x <= edges[i]}. */
    public static int bin(double[] edges, double x) {
        int bin = 0;
        while (bin < edges.length && edges[bin] < x) {
            bin++;
        }
        return bin;
    }

    private static double[] shares(double[] values, double[] edges) {
        long[] counts = new long[edges.length + 1];
        for (double value : values) {
            counts[bin(edges, value)]++;
        }
        double[] shares = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            shares[i] = (double) counts[i] / values.length;
        }
        return shares;
    }
}
