package org.mlplatform.inference.drift.control;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import org.mlplatform.inference.drift.entity.DriftReport;
import org.mlplatform.inference.drift.entity.DriftStatus;
import org.mlplatform.inference.drift.entity.FeatureDrift;
import org.mlplatform.repository.ModelMetadata;
import org.mlplatform.repository.ModelMetadata.FeatureDistribution;

/**
 * A served version's drift: its training baseline (metadata.json {@code features}) and the bins of
 * the rows it predicted recently. Without a usable baseline (format 1, an imported graph) or with a
 * window of 0 rows, recording does nothing.
 */
public final class DriftTracker {

    private static final Logger LOG = Logger.getLogger(DriftTracker.class.getName());

    private final List<FeatureDistribution> baseline;
    private final List<String> names;
    private final int capacity;
    private final RecentWindow window;

    private DriftTracker(List<FeatureDistribution> baseline, List<String> names, int capacity) {
        this.baseline = baseline;
        this.names = names;
        this.capacity = capacity;
        this.window = baseline.isEmpty() || capacity == 0 ? null
                : new RecentWindow(capacity, baseline.stream().map(FeatureDistribution::binEdges).toArray(double[][]::new));
    }

    /** @param capacity rows in the recent window; 0 tracks nothing */
    public static DriftTracker of(ModelMetadata metadata, int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("the drift window must be 0 (off) or more rows, got " + capacity);
        }
        List<FeatureDistribution> baseline = metadata.features() == null ? List.of() : List.copyOf(metadata.features());
        String defect = defect(baseline, metadata.featureCount());
        if (defect != null) {
            LOG.warning(() -> "model " + metadata.model() + " version " + metadata.version() + ": no drift tracking, " + defect);
            baseline = List.of();
        }
        List<String> names = metadata.featureNames().size() == baseline.size() ? metadata.featureNames() : List.of();
        return new DriftTracker(baseline, names, capacity);
    }

    private static String defect(List<FeatureDistribution> baseline, int featureCount) {
        if (baseline.isEmpty()) {
            return null;
        }
        if (featureCount > 0 && baseline.size() != featureCount) {
            return "the baseline has " + baseline.size() + " features, the model " + featureCount;
        }
        for (int j = 0; j < baseline.size(); j++) {
            double[] edges = baseline.get(j).binEdges();
            double[] shares = baseline.get(j).binShares();
            if (edges == null || shares == null || shares.length != edges.length + 1 || shares.length > RecentWindow.MAX_BINS) {
                return "feature " + j + " needs binShares of binEdges.length + 1 (at most " + RecentWindow.MAX_BINS + ") bins";
            }
            for (int i = 1; i < edges.length; i++) {
                if (!(edges[i - 1] < edges[i])) {
                    return "feature " + j + " has binEdges that are not ascending";
                }
            }
        }
        return null;
    }

    public boolean hasBaseline() {
        return !baseline.isEmpty();
    }

    /** Counts {@code rows} predicted rows (row-major values, the array may be longer). */
    public void record(float[] values, int rows) {
        if (window != null) {
            window.record(values, rows);
        }
    }

    public DriftReport report() {
        if (baseline.isEmpty()) {
            return DriftReport.withoutBaseline(capacity);
        }
        List<FeatureDrift> features = new ArrayList<>(baseline.size());
        for (int j = 0; j < baseline.size(); j++) {
            features.add(feature(j));
        }
        return new DriftReport(true, capacity, window == null ? 0 : window.rows(), features);
    }

    /** The PSI of one feature now; NaN while the window is empty or without a baseline. */
    public double psi(int feature) {
        if (window == null || feature >= baseline.size()) {
            return Double.NaN;
        }
        double[] recent = recentShares(feature);
        return recent == null ? Double.NaN : DriftMeasures.psi(baseline.get(feature).binShares(), recent);
    }

    /** Rows in the recent window. */
    public int rows() {
        return window == null ? 0 : window.rows();
    }

    public int features() {
        return baseline.size();
    }

    private FeatureDrift feature(int j) {
        FeatureDistribution reference = baseline.get(j);
        String name = names.isEmpty() ? null : names.get(j);
        double[] recent = window == null ? null : recentShares(j);
        if (recent == null) {
            return new FeatureDrift(j, name, Double.NaN, Double.NaN, DriftStatus.NO_DATA, reference.binEdges(),
                    reference.binShares(), new double[reference.binShares().length]);
        }
        double psi = DriftMeasures.psi(reference.binShares(), recent);
        return new FeatureDrift(j, name, psi, DriftMeasures.jensenShannon(reference.binShares(), recent), DriftStatus.of(psi),
                reference.binEdges(), reference.binShares(), recent);
    }

    /** The window's share of each bin of {@code feature}; null while it is empty. */
    private double[] recentShares(int feature) {
        int[] counts = window.counts(feature);
        long total = 0;
        for (int count : counts) {
            total += count;
        }
        if (total <= 0) {
            return null;
        }
        double[] shares = new double[counts.length];
        for (int bin = 0; bin < counts.length; bin++) {
            shares[bin] = Math.max(0, counts[bin]) / (double) total;
        }
        return shares;
    }
}
