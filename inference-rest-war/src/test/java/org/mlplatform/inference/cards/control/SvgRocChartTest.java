package org.mlplatform.inference.cards.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlplatform.inference.cards.control.CardFixtures.HOSTILE;
import static org.mlplatform.inference.cards.control.CardFixtures.count;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlplatform.repository.ModelMetadata.RocCurve;

class SvgRocChartTest {

    private static final RocCurve PERFECT = new RocCurve(1, new double[] {0, 0, 1}, new double[] {0, 1, 1}, 1.0);

    @Test
    void drawsOnePathPerCurve() {
        assertEquals(1, count(SvgRocChart.render(List.of(PERFECT), List.of("0", "1")), "<path class=\"roc-curve\""));
        List<RocCurve> oneVsRest = List.of(new RocCurve(0, new double[] {0, 1}, new double[] {0, 1}, 0.5),
                new RocCurve(1, new double[] {0, 1}, new double[] {0, 1}, 0.5), new RocCurve(2, new double[] {0, 1}, new double[] {0, 1}, 0.5));
        String svg = SvgRocChart.render(oneVsRest, List.of("a", "b", "c"));
        assertEquals(3, count(svg, "<path class=\"roc-curve\""));
        assertTrue(svg.contains("class c (AUC 0.500)"), svg);
    }

    @Test
    void runsFromTheBottomLeftCornerToTheTopRight() {
        // the plot is 300 px square at (48, 12): (0, 0) is its bottom-left corner, (1, 1) its top-right
        assertEquals("M48.0 312.0 L48.0 12.0 L348.0 12.0", SvgRocChart.path(PERFECT));
    }

    @Test
    void drawsPointsOnTheSamePixelOnce() {
        // 10,001 points up the left edge, 0.03 px apart: one per tenth of a pixel is left
        double[] fpr = new double[10_001];
        double[] tpr = new double[10_001];
        for (int i = 0; i <= 10_000; i++) {
            tpr[i] = i / 10_000.0;
        }
        String path = SvgRocChart.path(new RocCurve(1, fpr, tpr, 0.5));
        assertEquals(3000, count(path, " L"));
        assertTrue(path.startsWith("M48.0 312.0 L48.0 311.9") && path.endsWith("L48.0 12.0"), "first and last point kept");
    }

    @Test
    void escapesClassLabels() {
        String svg = SvgRocChart.render(List.of(PERFECT), List.of("0", HOSTILE));
        assertFalse(svg.contains("<script"), svg);
        assertTrue(svg.contains("class &lt;script&gt;alert(1)&lt;/script&gt; (AUC 1.000)"), svg);
    }
}
