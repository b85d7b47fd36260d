package org.mlplatform.inference.cards.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlplatform.inference.cards.control.CardFixtures.HOSTILE;
import static org.mlplatform.inference.cards.control.CardFixtures.count;

import java.util.List;

import org.junit.jupiter.api.Test;

class SvgConfusionMatrixTest {

    @Test
    void drawsKTimesKCellsWithTheirCounts() {
        String svg = SvgConfusionMatrix.render(new int[][] {{10, 0, 0}, {0, 9, 1}, {0, 2, 8}}, List.of("a", "b", "c"));
        assertEquals(9, count(svg, "<rect class=\"cell\""));
        assertTrue(svg.contains(">9</text>") && svg.contains(">2</text>"), svg);
        assertEquals(4, count(SvgConfusionMatrix.render(new int[][] {{3, 1}, {2, 4}}, List.of("0", "1")), "<rect class=\"cell\""));
    }

    @Test
    void shadesByTheShareOfTheTrueClass() {
        String svg = SvgConfusionMatrix.render(new int[][] {{10, 0}, {5, 5}}, List.of("0", "1"));
        assertTrue(svg.contains("fill=\"#08306b\""), "a row's only class is the darkest shade: " + svg);
        assertTrue(svg.contains("fill=\"#f7fbff\""), "an empty cell is the lightest: " + svg);
        assertEquals(1, count(svg, "<text class=\"count on-dark\""), "light text on the one dark cell: " + svg);
    }

    @Test
    void escapesClassLabels() {
        String svg = SvgConfusionMatrix.render(new int[][] {{1, 0}, {0, 1}}, List.of(HOSTILE, "x\"y"));
        assertFalse(svg.contains("<script"), svg);
        assertTrue(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), svg);
        assertTrue(svg.contains("x&quot;y"), svg);
    }
}
