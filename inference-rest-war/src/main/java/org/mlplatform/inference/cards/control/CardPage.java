package org.mlplatform.inference.cards.control;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.mlplatform.repository.ModelMetadata;
import org.mlplatform.repository.ModelMetadata.CrossValidation;
import org.mlplatform.repository.ModelMetadata.Scores;

/**
 * A version's model card: what it was trained with and on, how it scored (metrics, confusion matrix,
 * ROC curves), what it learned (coefficients), how today's inputs compare with the training data
 * (drift, fetched by the page) and a form to try it. Sections whose data a version does not have
 * (an imported graph, a format 1 file) say so instead of drawing nothing.
 */
public final class CardPage {

    private final ModelMetadata metadata;
    private final List<String> labels;

    private CardPage(ModelMetadata metadata) {
        this.metadata = metadata;
        this.labels = classLabels(metadata.classes());
    }

    /**
     * @param metadata the version's metadata.json
     * @param aliases  the aliases that point at this version
     * @param sha256   the checksum of the model.onnx being served
     * @param loadedAt when this service loaded it
     */
    public static String render(ModelMetadata metadata, List<String> aliases, String sha256, Instant loadedAt) {
        return new CardPage(metadata).page(aliases, sha256, loadedAt);
    }

    private String page(List<String> aliases, String sha256, Instant loadedAt) {
        String model = metadata.model();
        String main = parameters() + data() + metrics() + confusionMatrix() + rocCurves() + coefficients() + drift() + tryIt();
        String data = " class=\"card\" data-model=\"" + Html.escape(model) + "\" data-version=\"" + metadata.version() + "\"";
        return PageLayout.page(model + " version " + metadata.version() + " · model card", header(aliases, sha256, loadedAt), main, data, true);
    }

    private String header(List<String> aliases, String sha256, Instant loadedAt) {
        StringBuilder header = new StringBuilder("<h1>").append(Html.escape(metadata.model())).append(" · version ")
                .append(metadata.version()).append(' ');
        aliases.forEach(alias -> header.append("<span class=\"badge\">").append(Html.escape(alias)).append("</span>"));
        header.append("</h1><div class=\"subtitle\">")
                .append(metadata.source() == null ? ModelMetadata.SOURCE_TRAINED : Html.escape(metadata.source()))
                .append(metadata.createdAt() == null ? "" : " " + Html.escape(metadata.createdAt()))
                .append(" · loaded ").append(loadedAt.truncatedTo(ChronoUnit.SECONDS)).append(" · model.onnx SHA-256 <code>").append(Html.escape(sha256))
                .append("</code> · <a href=\"").append(versionUrl()).append("\">this version as JSON</a></div>")
                .append(PageLayout.navigation());
        return header.toString();
    }

    private String parameters() {
        StringBuilder section = section("parameters", "Parameters", false);
        ModelMetadata.Params params = metadata.params();
        if (params == null) {
            return section.append(note("Not known: this version was imported as an ONNX file trained elsewhere.")).append("</section>").toString();
        }
        List<String[]> rows = new ArrayList<>(List.of(
                row("C (inverse regularisation)", Html.number(params.c(), 4)),
                row("class weight", params.classWeight()),
                row("scaler", params.scaler()),
                row("resampling", params.resample()),
                row("tolerance", Double.toString(params.tol())),
                row("most iterations", Integer.toString(params.maxIter())),
                row("cross-validation folds", Integer.toString(params.cvFolds())),
                row("seed", Long.toString(params.seed()))));
        ModelMetadata.Training training = metadata.training();
        if (training != null) {
            rows.add(row("solver", training.solver()));
            rows.add(row("iterations", training.iterations() + (training.converged() ? ", converged" : ", NOT converged")));
            rows.add(row("fit time", Html.number(training.seconds(), 3) + " s"));
        }
        return section.append(table(rows)).append("</section>").toString();
    }

    private String data() {
        StringBuilder section = section("data", "Data", false);
        ModelMetadata.DatasetSummary dataset = metadata.dataset();
        List<String[]> rows = new ArrayList<>();
        rows.add(row("features", metadata.featureCount() + (metadata.featureNames().isEmpty() ? " (no names)"
                : ": " + String.join(", ", metadata.featureNames()))));
        rows.add(row("classes", String.join(", ", labels)));
        if (metadata.trainingFingerprint() != null) {
            rows.add(new String[] {"training fingerprint", "<code>" + Html.escape(metadata.trainingFingerprint()) + "</code>"});
        }
        if (dataset == null) {
            return section.append(table(rows)).append(note("No dataset summary: the training data are not known.")).append("</section>")
                    .toString();
        }
        rows.add(row("training rows", Integer.toString(dataset.rows())));
        dataset.classCounts().forEach((label, count) -> rows.add(row("rows of class " + label, Integer.toString(count))));
        section.append(table(rows));
        List<String[]> files = new ArrayList<>();
        dataset.files().forEach((name, digest) -> files.add(new String[] {Html.escape(name), "<code>" + Html.escape(digest) + "</code>"}));
        return section.append("<h3 class=\"note\">Files (SHA-256 as the training read them)</h3>").append(table(files))
                .append("</section>").toString();
    }

    private String metrics() {
        StringBuilder section = section("metrics", "Metrics", false);
        ModelMetadata.Metrics metrics = metadata.metrics();
        CrossValidation cv = metrics == null ? null : metrics.cv();
        Scores test = metrics == null ? null : metrics.test();
        if (cv == null && test == null) {
            return section.append(note("This version was not evaluated.")).append("</section>").toString();
        }
        section.append("<table><thead><tr><th></th><th>cross-validation").append(cv == null ? "" : " (mean of " + cv.folds() + " folds)")
                .append("</th><th>test set</th></tr></thead><tbody>");
        metricRow(section, "accuracy", cv == null ? null : cv.accuracy(), test == null ? null : test.accuracy());
        metricRow(section, "log-loss", cv == null ? null : cv.logLoss(), test == null ? null : test.logLoss());
        metricRow(section, "ROC-AUC", cv == null ? null : cv.rocAuc(), test == null ? null : test.rocAuc());
        section.append("<tr><th>rows</th><td class=\"num\">").append(cv == null ? "–" : cv.perFold().stream().mapToInt(Scores::rows).sum())
                .append("</td><td class=\"num\">").append(test == null ? "–" : test.rows()).append("</td></tr></tbody></table>");
        return section.append("</section>").toString();
    }

    private static void metricRow(StringBuilder table, String name, Double cv, Double test) {
        table.append("<tr><th>").append(name).append("</th><td class=\"num\">").append(Html.number(cv, 4))
                .append("</td><td class=\"num\">").append(Html.number(test, 4)).append("</td></tr>");
    }

    private String confusionMatrix() {
        StringBuilder section = section("confusion-matrix", "Confusion matrix", false);
        ModelMetadata.Metrics metrics = metadata.metrics();
        if (metrics != null && metrics.test() != null && metrics.test().confusionMatrix() != null) {
            section.append(note("Test set, " + metrics.test().rows() + " rows; shaded by the share of each true class."));
            return section.append(SvgConfusionMatrix.render(metrics.test().confusionMatrix(), labels)).append("</section>").toString();
        }
        int[][] summed = metrics == null ? null : summedFolds(metrics.cv());
        if (summed == null) {
            return section.append(note("No confusion matrix: this version was not evaluated.")).append("</section>").toString();
        }
        section.append(note("Sum of the " + metrics.cv().folds() + " cross-validation folds (no test set); shaded by the share of each true class."));
        return section.append(SvgConfusionMatrix.render(summed, labels)).append("</section>").toString();
    }

    /** Each training row once, by the fold that held it out; null when a fold has no matrix. */
    static int[][] summedFolds(CrossValidation cv) {
        if (cv == null || cv.perFold().isEmpty()) {
            return null;
        }
        int[][] sum = null;
        for (Scores fold : cv.perFold()) {
            int[][] matrix = fold.confusionMatrix();
            if (matrix == null || (sum != null && matrix.length != sum.length)) {
                return null;
            }
            if (sum == null) {
                sum = new int[matrix.length][matrix.length];
            }
            for (int i = 0; i < matrix.length; i++) {
                for (int j = 0; j < matrix.length; j++) {
                    sum[i][j] += matrix[i][j];
                }
            }
        }
        return sum;
    }

    private String rocCurves() {
        StringBuilder section = section("roc", "ROC curves", false);
        ModelMetadata.RocCurves roc = metadata.roc();
        if (roc == null || roc.curves().isEmpty()) {
            return section.append(note("No ROC curves stored for this version: they are written by training since metadata format 2 "
                    + "(not for format 1 files, imported versions, or a training without evaluation).")).append("</section>").toString();
        }
        String rows = "test".equals(roc.rows()) ? "the test set" : "the cross-validation (each training row scored by the fold that held it out)";
        section.append(note((roc.curves().size() == 1 ? "Positive class " + labels.get(Math.min(1, labels.size() - 1))
                : "One-vs-rest, one curve per class") + ", on " + rows + "."));
        return section.append(SvgRocChart.render(roc.curves(), labels)).append("</section>").toString();
    }

    private String coefficients() {
        StringBuilder section = section("coefficients", "Coefficients", false);
        double[][] coefficients = coefficientRows();
        if (coefficients == null || coefficients.length == 0) {
            return section.append(note("No coefficients: this version was imported as an ONNX graph.")).append("</section>").toString();
        }
        boolean binary = coefficients.length == 1;
        List<String> titles = new ArrayList<>();
        List<String> colors = new ArrayList<>();
        for (int r = 0; r < coefficients.length; r++) {
            int classIndex = binary ? 1 : r;
            titles.add((binary ? "logit of class " : "class ") + SvgConfusionMatrix.labelOf(labels, classIndex));
            colors.add(ChartColors.ofClass(classIndex));
        }
        section.append(note("Weights on the " + (metadata.scaler() == null ? "" : "scaled ") + "features"
                + (binary ? ", pushing towards class " + SvgConfusionMatrix.labelOf(labels, 1) + " (right) or "
                + SvgConfusionMatrix.labelOf(labels, 0) + " (left)" : " in each class's logit") + "; one scale for all charts."));
        return section.append(SvgCoefficientBars.render(coefficients, metadata.featureNames(), titles, colors)).append("</section>").toString();
    }

    /** From {@code algorithm.coefficients}, or the top level in files written before the {@code algorithm} section. */
    double[][] coefficientRows() {
        if (metadata.algorithm() != null && metadata.algorithm().get("coefficients") instanceof JsonArray rows) {
            double[][] coefficients = new double[rows.size()][];
            for (int r = 0; r < coefficients.length; r++) {
                coefficients[r] = rows.getJsonArray(r).getValuesAs(JsonNumber.class).stream().mapToDouble(JsonNumber::doubleValue).toArray();
            }
            return coefficients;
        }
        return metadata.coefficients();
    }

    private String drift() {
        // filled by the script from GET .../drift; data-state says how far it got (loading, ready, no-baseline, unavailable)
        StringBuilder section = new StringBuilder("<section id=\"drift\" class=\"wide\" data-state=\"loading\" data-url=\"")
                .append(versionUrl()).append("/drift\"><h2>Drift per feature <button type=\"button\" class=\"refresh\">refresh</button></h2>");
        return section.append("<p class=\"note drift-status\">Fetching the drift figures…</p>")
                .append("<table hidden><thead><tr><th>feature</th><th>PSI</th><th>Jensen–Shannon</th><th>status</th>")
                .append("<th>training (grey) vs. recent (blue) share per bin</th></tr></thead><tbody></tbody></table></section>").toString();
    }

    private String tryIt() {
        StringBuilder section = section("try", "Try a prediction", true);
        section.append("<form id=\"try-form\" class=\"try\" data-url=\"/api/models/").append(Html.escape(Html.pathSegment(metadata.model())))
                .append("/predict?version=").append(metadata.version()).append("\">");
        int features = Math.max(metadata.featureCount(), metadata.featureNames().size());
        for (int j = 0; j < features; j++) {
            String name = j < metadata.featureNames().size() ? metadata.featureNames().get(j) : "x" + j;
            section.append("<label>").append(Html.escape(name)).append("<input type=\"number\" step=\"any\" required data-feature=\"")
                    .append(j).append("\" value=\"").append(startingValue(j)).append("\"></label>");
        }
        section.append("<button type=\"submit\">Predict</button></form>");
        section.append("<div id=\"try-result\" data-state=\"idle\"><p>Predicted class: <span class=\"prediction-label\">–</span></p>")
                .append("<p class=\"error try-error\"></p><table><thead><tr><th>class</th><th>probability</th><th></th></tr></thead><tbody>");
        for (int k = 0; k < labels.size(); k++) {
            section.append("<tr><th>").append(Html.escape(labels.get(k))).append("</th><td class=\"num\" data-class-index=\"").append(k)
                    .append("\">–</td><td><meter min=\"0\" max=\"1\" value=\"0\" data-class-index=\"").append(k).append("\"></meter></td></tr>");
        }
        return section.append("</tbody></table></div>").append(note("Starts from the training mean of each feature where it is known."))
                .append("</section>").toString();
    }

    /** The training mean (drift baseline), else the scaler's center, else 0. */
    private String startingValue(int feature) {
        if (metadata.features() != null && feature < metadata.features().size()) {
            return Html.number(metadata.features().get(feature).mean(), 4);
        }
        if (metadata.scaler() != null && metadata.scaler().center() != null && feature < metadata.scaler().center().length) {
            return Html.number(metadata.scaler().center()[feature], 4);
        }
        return "0";
    }

    private String versionUrl() {
        return "/api/models/" + Html.escape(Html.pathSegment(metadata.model())) + "/versions/" + metadata.version();
    }

    private static StringBuilder section(String id, String title, boolean wide) {
        return new StringBuilder("<section id=\"").append(id).append('"').append(wide ? " class=\"wide\"" : "").append("><h2>")
                .append(title).append("</h2>");
    }

    private static String note(String text) {
        return "<p class=\"note\">" + Html.escape(text) + "</p>";
    }

    private static String[] row(String name, String value) {
        return new String[] {Html.escape(name), Html.escape(value)};
    }

    /** Rows of already escaped name and value cells. */
    private static String table(List<String[]> rows) {
        StringBuilder table = new StringBuilder("<table><tbody>");
        rows.forEach(row -> table.append("<tr><th>").append(row[0]).append("</th><td>").append(row[1]).append("</td></tr>"));
        return table.append("</tbody></table>").toString();
    }

    /** Class labels as text: JSON strings as they are, numbers as written. */
    static List<String> classLabels(JsonArray classes) {
        List<String> labels = new ArrayList<>();
        for (JsonValue value : classes) {
            labels.add(value instanceof JsonString text ? text.getString() : value.toString());
        }
        return labels;
    }
}
