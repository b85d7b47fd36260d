package org.mlplatform.pipeline.drift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
        double[] edges = binEdges(values);
        return new FeatureDistribution(new Mean().evaluate(values), new StandardDeviation(false).evaluate(values),
                min, max, edges, shares(values, edges));
    }

    /**
     * The inner 10-quantiles with duplicates dropped. R_7 is numpy's default {@code linear} method:
     * the quantile q of n sorted values interpolates at position q (n - 1).
     */
    private static double[] binEdges(double[] values) {
        Percentile quantile = new Percentile().withEstimationType(EstimationType.R_7);
        quantile.setData(values);
        double[] edges = new double[BINS - 1];
        int distinct = 0;
        for (int k = 1; k < BINS; k++) {
            double edge = quantile.evaluate(100.0 * k / BINS);
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
