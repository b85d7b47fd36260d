package org.mlplatform.inference.cards.control;

import java.util.List;

/**
 * The confusion matrix as a K x K heat map: rows are the true class, columns the predicted class,
 * each cell shaded by its share of the row (the class's recall on the diagonal) and labelled with its count.
 */
public final class SvgConfusionMatrix {

    private static final int LABEL_WIDTH = 96;
    private static final int TOP = 44;

    private SvgConfusionMatrix() {
    }

    /**
     * @param counts {@code [true class][predicted class]} row counts
     * @param labels the class labels, in the same order
     */
    public static String render(int[][] counts, List<String> labels) {
        int k = counts.length;
        int cell = Math.max(22, Math.min(64, 448 / Math.max(1, k)));
        int width = LABEL_WIDTH + 24 + k * cell + 8;
        int height = TOP + k * cell + 8;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"confusion-matrix\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\"><title>Confusion matrix: true class (rows) by predicted class (columns)</title>");
        int left = LABEL_WIDTH + 24;
        svg.append(text(left + k * cell / 2.0, 14, "middle", "axis-title", "predicted class"));
        svg.append("<text class=\"axis-title\" text-anchor=\"middle\" transform=\"translate(12 ")
                .append(Html.coordinate(TOP + k * cell / 2.0)).append(") rotate(-90)\">true class</text>");
        for (int j = 0; j < k; j++) {
            svg.append(label(left + (j + 0.5) * cell, TOP - 8, "middle", labels, j));
            svg.append(label(left - 6, TOP + (j + 0.5) * cell + 4, "end", labels, j));
        }
        for (int i = 0; i < k; i++) {
            long rowTotal = 0;
            for (int count : counts[i]) {
                rowTotal += count;
            }
            for (int j = 0; j < k; j++) {
                double share = rowTotal == 0 ? 0 : (double) counts[i][j] / rowTotal;
                double x = left + j * cell;
                double y = TOP + i * cell;
                svg.append("<rect class=\"cell\" x=\"").append(Html.coordinate(x)).append("\" y=\"").append(Html.coordinate(y))
                        .append("\" width=\"").append(cell - 1).append("\" height=\"").append(cell - 1)
                        .append("\" fill=\"").append(shade(share)).append("\"><title>true ")
                        .append(Html.escape(labelOf(labels, i))).append(", predicted ").append(Html.escape(labelOf(labels, j)))
                        .append(": ").append(counts[i][j]).append(" rows (").append(Html.number(100 * share, 1))
                        .append("% of the true class)</title></rect>");
                svg.append("<text class=\"count").append(share > 0.55 ? " on-dark" : "").append("\" x=\"")
                        .append(Html.coordinate(x + cell / 2.0)).append("\" y=\"").append(Html.coordinate(y + cell / 2.0 + 4))
                        .append("\" text-anchor=\"middle\">").append(counts[i][j]).append("</text>");
            }
        }
        return svg.append("</svg>").toString();
    }

    /** White to deep blue by the share of the row. */
    private static String shade(double share) {
        int r = (int) Math.round(247 + (8 - 247) * share);
        int g = (int) Math.round(251 + (48 - 251) * share);
        int b = (int) Math.round(255 + (107 - 255) * share);
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    private static String label(double x, double y, String anchor, List<String> labels, int index) {
        String label = labelOf(labels, index);
        return "<text class=\"class-label\" x=\"" + Html.coordinate(x) + "\" y=\"" + Html.coordinate(y) + "\" text-anchor=\"" + anchor
                + "\">" + Html.escape(Html.shortened(label, 12)) + "<title>" + Html.escape(label) + "</title></text>";
    }

    private static String text(double x, double y, String anchor, String cssClass, String content) {
        return "<text class=\"" + cssClass + "\" x=\"" + Html.coordinate(x) + "\" y=\"" + Html.coordinate(y) + "\" text-anchor=\""
                + anchor + "\">" + Html.escape(content) + "</text>";
    }

    static String labelOf(List<String> labels, int index) {
        return index < labels.size() ? labels.get(index) : Integer.toString(index);
    }
}
