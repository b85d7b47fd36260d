package org.mlplatform.inference.cards.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlplatform.inference.cards.control.CardFixtures.HOSTILE;
import static org.mlplatform.inference.cards.control.CardFixtures.count;

import java.util.List;

import org.junit.jupiter.api.Test;

class SvgCoefficientBarsTest {

    @Test
    void drawsOneBarPerFeatureAndRow() {
        String html = SvgCoefficientBars.render(new double[][] {{1, -2, 0.5}, {0, 1, -1}}, List.of(), List.of("class a", "class b"),
                List.of("#111111", "#222222"));
        assertEquals(6, count(html, "<rect class=\"coefficient-bar\""));
        assertEquals(2, count(html, "<svg class=\"coefficient-chart\""));
        assertTrue(html.contains("<title>x2: 0.5000</title>"), "features without names are x0, x1, ...: " + html);
    }

    @Test
    void negativeWeightsGrowLeftOfZeroOnOneScale() {
        String html = SvgCoefficientBars.render(new double[][] {{2, -1}}, List.of("up", "down"), List.of("logit"), List.of("#111111"));
        // zero at x = 120 + 220 / 2 = 230; the largest |weight| (2) spans half the 220 px
        assertTrue(html.contains("x=\"230.0\" y=\"10.0\" width=\"110.0\""), html);
        assertTrue(html.contains("x=\"175.0\" y=\"26.0\" width=\"55.0\""), html);
    }

    @Test
    void escapesFeatureNames() {
        String html = SvgCoefficientBars.render(new double[][] {{1}}, List.of(HOSTILE), List.of(HOSTILE), List.of("#111111"));
        assertFalse(html.contains("<script"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;: 1.0000"), html);
    }
}
