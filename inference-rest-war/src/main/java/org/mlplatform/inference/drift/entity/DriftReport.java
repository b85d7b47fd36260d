package org.mlplatform.inference.drift.entity;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A served version's drift: whether it has a baseline, the recent window's capacity and fill, and
 * each feature's measures (empty without a baseline).
 */
public record DriftReport(boolean baseline, int capacity, int rows, List<FeatureDrift> features) {

    public DriftReport {
        features = List.copyOf(features);
    }

    public static DriftReport withoutBaseline(int capacity) {
        return new DriftReport(false, capacity, 0, List.of());
    }

    /** The feature with the highest PSI, if any has data. */
    public Optional<FeatureDrift> worst() {
        return features.stream().filter(feature -> !Double.isNaN(feature.psi()))
                .max(Comparator.comparingDouble(FeatureDrift::psi));
    }

    /** How many features are in each status, every status present (0 when none). */
    public Map<DriftStatus, Integer> countByStatus() {
        Map<DriftStatus, Integer> counts = new EnumMap<>(DriftStatus.class);
        for (DriftStatus status : DriftStatus.values()) {
            counts.put(status, 0);
        }
        features.forEach(feature -> counts.merge(feature.status(), 1, Integer::sum));
        return counts;
    }
}
