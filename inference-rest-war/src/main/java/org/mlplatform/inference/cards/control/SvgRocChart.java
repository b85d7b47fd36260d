package org.mlplatform.inference.cards.control;

import java.util.List;

import org.mlplatform.repository.ModelMetadata.RocCurve;

/**
 * ROC curves on one plot: false positive rate across, true positive rate up, the chance diagonal,
 * one path per stored curve (the positive class of a binary model, each class one-vs-rest for
 * K > 2) and a legend with each curve's AUC.
 */
public final class SvgRocChart {

    private static final int PLOT = 300;
    private static final int LEFT = 48;
    private static final int TOP = 12;
    private static final int LEGEND_WIDTH = 190;

    private SvgRocChart() {
    }

    /** @param labels the class labels, to name each curve's positive class */
    public static String render(List<RocCurve> curves, List<String> labels) {
        int width = LEFT + PLOT + 16 + LEGEND_WIDTH;
        int height = Math.max(TOP + PLOT + 44, TOP + 20 * curves.size() + 20);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"roc-chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\"><title>ROC curves: true positive rate against false positive rate</title>");
        axes(svg);
        for (RocCurve curve : curves) {
            svg.append("<path class=\"roc-curve\" fill=\"none\" stroke-width=\"2\" stroke=\"").append(ChartColors.ofClass(curve.classIndex()))
                    .append("\" d=\"").append(path(curve)).append("\"><title>").append(Html.escape(name(curve, labels)))
                    .append("</title></path>");
        }
        int legendX = LEFT + PLOT + 16;
        for (int i = 0; i < curves.size(); i++) {
            RocCurve curve = curves.get(i);
            int y = TOP + 10 + 20 * i;
            svg.append("<rect x=\"").append(legendX).append("\" y=\"").append(y - 9).append("\" width=\"14\" height=\"4\" fill=\"")
                    .append(ChartColors.ofClass(curve.classIndex())).append("\"/>");
            svg.append("<text class=\"legend\" x=\"").append(legendX + 20).append("\" y=\"").append(y - 3).append("\">")
                    .append(Html.escape(Html.shortened(name(curve, labels), 30))).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static void axes(StringBuilder svg) {
        int bottom = TOP + PLOT;
        svg.append("<rect class=\"plot-area\" x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(PLOT)
                .append("\" height=\"").append(PLOT).append("\" fill=\"#fbfcfd\" stroke=\"#9aa5b1\"/>");
        svg.append("<line class=\"chance\" x1=\"").append(LEFT).append("\" y1=\"").append(bottom).append("\" x2=\"").append(LEFT + PLOT)
                .append("\" y2=\"").append(TOP).append("\" stroke=\"#9aa5b1\" stroke-dasharray=\"4 4\"/>");
        for (int tick = 0; tick <= 4; tick++) {
            double share = tick / 4.0;
            String value = Html.number(share, 2);
            svg.append("<text class=\"tick\" x=\"").append(Html.coordinate(x(share))).append("\" y=\"").append(bottom + 16)
                    .append("\" text-anchor=\"middle\">").append(value).append("</text>");
            svg.append("<text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(Html.coordinate(y(share) + 4))
                    .append("\" text-anchor=\"end\">").append(value).append("</text>");
        }
        svg.append("<text class=\"axis-title\" x=\"").append(LEFT + PLOT / 2).append("\" y=\"").append(bottom + 36)
                .append("\" text-anchor=\"middle\">false positive rate</text>");
        svg.append("<text class=\"axis-title\" text-anchor=\"middle\" transform=\"translate(12 ").append(TOP + PLOT / 2)
                .append(") rotate(-90)\">true positive rate</text>");
    }

    /** The curve's points in plot coordinates; runs of points on the same tenth of a pixel are drawn once. */
    static String path(RocCurve curve) {
        StringBuilder d = new StringBuilder();
        String last = null;
        int points = Math.min(curve.fpr().length, curve.tpr().length);
        for (int i = 0; i < points; i++) {
            String point = Html.coordinate(x(curve.fpr()[i])) + " " + Html.coordinate(y(curve.tpr()[i]));
            if (point.equals(last)) {
                continue;
            }
            d.append(d.length() == 0 ? "M" : " L").append(point);
            last = point;
        }
        return d.toString();
    }

    private static String name(RocCurve curve, List<String> labels) {
        return "class " + SvgConfusionMatrix.labelOf(labels, curve.classIndex()) + " (AUC " + Html.number(curve.auc(), 3) + ")";
    }

    private static double x(double falsePositiveRate) {
        return LEFT + PLOT * falsePositiveRate;
    }

    private static double y(double truePositiveRate) {
        return TOP + PLOT * (1 - truePositiveRate);
    }
}
