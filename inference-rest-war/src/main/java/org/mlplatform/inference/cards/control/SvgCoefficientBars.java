package org.mlplatform.inference.cards.control;

import java.util.List;

/**
 * The coefficients of a logistic regression as horizontal bars, one chart per coefficient row (the
 * logit of {@code classes[1]} for a binary model, each class for K > 2), one bar per feature, to the
 * right of zero for a positive weight and to the left for a negative one. All charts share one scale,
 * so bars of different classes compare. The weights act on scaled features.
 */
public final class SvgCoefficientBars {

    private static final int NAME_WIDTH = 120;
    private static final int BAR_SPAN = 220;
    private static final int ROW = 16;
    private static final int TOP = 8;

    private SvgCoefficientBars() {
    }

    /**
     * @param coefficients one row per logit, F weights each
     * @param featureNames F names, or empty (then {@code x0}, {@code x1}, ...)
     * @param rowTitles    what each row is the logit of
     * @param rowColors    each row's colour
     */
    public static String render(double[][] coefficients, List<String> featureNames, List<String> rowTitles, List<String> rowColors) {
        double largest = 0;
        for (double[] row : coefficients) {
            for (double weight : row) {
                largest = Math.max(largest, Math.abs(weight));
            }
        }
        StringBuilder html = new StringBuilder();
        for (int r = 0; r < coefficients.length; r++) {
            html.append("<figure class=\"coefficients\"><figcaption>").append(Html.escape(rowTitles.get(r))).append("</figcaption>");
            html.append(chart(coefficients[r], featureNames, largest, rowColors.get(r))).append("</figure>");
        }
        return html.toString();
    }

    private static String chart(double[] weights, List<String> featureNames, double largest, String color) {
        int width = NAME_WIDTH + BAR_SPAN + 70;
        int height = TOP + ROW * weights.length + 8;
        double zero = NAME_WIDTH + BAR_SPAN / 2.0;
        double unit = largest == 0 ? 0 : (BAR_SPAN / 2.0) / largest;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"coefficient-chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\">");
        for (int j = 0; j < weights.length; j++) {
            String name = j < featureNames.size() ? featureNames.get(j) : "x" + j;
            double y = TOP + j * ROW;
            double length = Math.abs(weights[j]) * unit;
            double x = weights[j] < 0 ? zero - length : zero;
            svg.append("<text class=\"feature-name\" x=\"").append(NAME_WIDTH - 6).append("\" y=\"").append(Html.coordinate(y + 11))
                    .append("\" text-anchor=\"end\">").append(Html.escape(Html.shortened(name, 18))).append("</text>");
            svg.append("<rect class=\"coefficient-bar\" x=\"").append(Html.coordinate(x)).append("\" y=\"").append(Html.coordinate(y + 2))
                    .append("\" width=\"").append(Html.coordinate(length)).append("\" height=\"").append(ROW - 4).append("\" fill=\"")
                    .append(color).append("\" fill-opacity=\"").append(weights[j] < 0 ? "0.55" : "0.95").append("\"><title>")
                    .append(Html.escape(name)).append(": ").append(Html.number(weights[j], 4)).append("</title></rect>");
            svg.append("<text class=\"value\" x=\"").append(NAME_WIDTH + BAR_SPAN + 6).append("\" y=\"").append(Html.coordinate(y + 11))
                    .append("\">").append(Html.number(weights[j], 3)).append("</text>");
        }
        svg.append("<line x1=\"").append(Html.coordinate(zero)).append("\" y1=\"").append(TOP).append("\" x2=\"").append(Html.coordinate(zero))
                .append("\" y2=\"").append(height - 8).append("\" stroke=\"#52606d\"/>");
        return svg.append("</svg>").toString();
    }
}
