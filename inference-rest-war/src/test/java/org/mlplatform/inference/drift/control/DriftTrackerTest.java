package org.mlplatform.inference.drift.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlplatform.inference.drift.entity.DriftReport;
import org.mlplatform.inference.drift.entity.DriftStatus;
import org.mlplatform.inference.drift.entity.FeatureDrift;
import org.mlplatform.repository.ModelMetadata;
import org.mlplatform.repository.ModelMetadata.FeatureDistribution;

class DriftTrackerTest {

    private static final FeatureDistribution HALVES = new FeatureDistribution(0, 1, -3, 3, new double[] {0}, new double[] {0.5, 0.5});

    private static ModelMetadata metadata(List<FeatureDistribution> features, List<String> names) {
        return new ModelMetadata(2, "m", 1, null, null, null, null, null, 2, names, null, null, null, null, null, null,
                null, null, features, null, null);
    }

    @Test
    void reportsEachFeatureAgainstItsBaseline() {
        DriftTracker tracker = DriftTracker.of(metadata(List.of(HALVES, HALVES), List.of("a", "b")), 100);
        // feature a: 3 of 4 rows in the lower bin; feature b: half and half
        tracker.record(new float[] {-1, -1, -1, 1, -1, -1, 1, 1}, 4);
        DriftReport report = tracker.report();
        assertTrue(report.baseline());
        assertEquals(100, report.capacity());
        assertEquals(4, report.rows());
        FeatureDrift a = report.features().get(0);
        assertEquals("a", a.name());
        assertArrayEquals(new double[] {0.75, 0.25}, a.recentShares());
        assertEquals(0.274653, a.psi(), 1e-6);
        assertEquals(DriftStatus.SIGNIFICANT, a.status());
        FeatureDrift b = report.features().get(1);
        assertEquals(0, b.psi(), 1e-15);
        assertEquals(DriftStatus.STABLE, b.status());
        assertEquals(a, report.worst().orElseThrow());
        assertEquals(1, report.countByStatus().get(DriftStatus.SIGNIFICANT));
        assertEquals(0.274653, tracker.psi(0), 1e-6);
    }

    @Test
    void anEmptyWindowHasNoData() {
        DriftReport report = DriftTracker.of(metadata(List.of(HALVES, HALVES), List.of()), 100).report();
        assertEquals(0, report.rows());
        assertEquals(DriftStatus.NO_DATA, report.features().get(0).status());
        assertTrue(Double.isNaN(report.features().get(0).psi()));
        assertEquals(null, report.features().get(0).name());
        assertTrue(report.worst().isEmpty());
    }

    @Test
    void aFormatOneVersionOrABaselineThatDoesNotFitHasNone() {
        DriftTracker formatOne = DriftTracker.of(metadata(null, List.of()), 100);
        formatOne.record(new float[] {1, 2}, 1);
        assertFalse(formatOne.report().baseline());
        assertEquals(List.of(), formatOne.report().features());
        assertFalse(DriftTracker.of(metadata(List.of(HALVES), List.of()), 100).hasBaseline()); // 1 of 2 features
        FeatureDistribution unsorted = new FeatureDistribution(0, 1, -3, 3, new double[] {1, 0}, new double[] {0.3, 0.4, 0.3});
        assertFalse(DriftTracker.of(metadata(List.of(HALVES, unsorted), List.of()), 100).hasBaseline());
    }

    @Test
    void aWindowOfZeroRowsTracksNothing() {
        DriftTracker off = DriftTracker.of(metadata(List.of(HALVES, HALVES), List.of()), 0);
        off.record(new float[] {1, 2}, 1);
        assertTrue(off.report().baseline());
        assertEquals(0, off.report().rows());
        assertEquals(DriftStatus.NO_DATA, off.report().features().get(1).status());
    }
}
