package org.mlplatform.inference.cards.control;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.mlplatform.repository.ModelMetadata;

/** The service's front page: every model with its versions, aliases and failed versions, each linked to its card. */
public final class LandingPage {

    /**
     * One served model.
     *
     * @param versions the loaded versions' metadata, by version
     * @param aliases  alias → version
     * @param failures versions that did not load, with the reason
     */
    public record Model(String name, SortedMap<Integer, ModelMetadata> versions, Map<String, Integer> aliases,
                        SortedMap<Integer, String> failures) {
    }

    private LandingPage() {
    }

    public static String render(List<Model> models) {
        StringBuilder main = new StringBuilder();
        if (models.isEmpty()) {
            main.append("<section class=\"wide\"><h2>No models</h2><p class=\"note\">Nothing is served yet: train one "
                    + "(README, \"Quick start\") or import an ONNX file through the builder.</p></section>");
        }
        models.forEach(model -> main.append(model(model)));
        String header = "<h1>Model platform · inference service</h1><div class=\"subtitle\">" + models.size()
                + (models.size() == 1 ? " model" : " models") + " served; every version has a model card.</div>" + PageLayout.navigation();
        return PageLayout.page("Model platform", header, main.toString(), "", false);
    }

    private static String model(Model model) {
        String base = "/api/models/" + Html.escape(Html.pathSegment(model.name()));
        StringBuilder section = new StringBuilder("<section class=\"wide model\" data-model=\"").append(Html.escape(model.name()))
                .append("\"><h2>").append(Html.escape(model.name())).append("</h2>");
        if (!model.aliases().isEmpty()) {
            section.append("<p>Aliases: ");
            model.aliases().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(alias -> section
                    .append("<a class=\"alias\" href=\"").append(base).append("/versions/").append(Html.escape(Html.pathSegment(alias.getKey())))
                    .append("/card\"><span class=\"badge\">").append(Html.escape(alias.getKey())).append(" → ").append(alias.getValue())
                    .append("</span></a> "));
            section.append("</p>");
        }
        section.append("<table><thead><tr><th>version</th><th>created</th><th>source</th><th>test accuracy</th>")
                .append("<th>cross-validation accuracy</th><th></th></tr></thead><tbody>");
        model.versions().forEach((version, metadata) -> section.append("<tr><td><a class=\"card-link\" href=\"").append(base)
                .append("/versions/").append(version).append("/card\">version ").append(version).append("</a></td><td>")
                .append(Html.escape(metadata.createdAt())).append("</td><td>")
                .append(Html.escape(metadata.source() == null ? ModelMetadata.SOURCE_TRAINED : metadata.source())).append("</td><td class=\"num\">")
                .append(Html.number(testAccuracy(metadata), 4)).append("</td><td class=\"num\">").append(Html.number(cvAccuracy(metadata), 4))
                .append("</td><td><a href=\"").append(base).append("/versions/").append(version).append("\">JSON</a></td></tr>"));
        model.failures().forEach((version, reason) -> section.append("<tr class=\"failed\"><td>version ").append(version)
                .append("</td><td colspan=\"5\" class=\"error\">not served: ").append(Html.escape(reason)).append("</td></tr>"));
        return section.append("</tbody></table></section>").toString();
    }

    private static Double testAccuracy(ModelMetadata metadata) {
        return metadata.metrics() == null || metadata.metrics().test() == null ? null : metadata.metrics().test().accuracy();
    }

    private static Double cvAccuracy(ModelMetadata metadata) {
        return metadata.metrics() == null || metadata.metrics().cv() == null ? null : metadata.metrics().cv().accuracy();
    }
}
