package org.mlplatform.inference.cards.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The frame of the service's HTML pages: head, inline style sheet, header bar, and the one script
 * a page may carry. Style and script are the WAR's own files ({@code cards/card.css},
 * {@code cards/card.js}), inlined so that a page is one request and works offline; the
 * Content-Security-Policy names them by hash, so that nothing else on the page can run, even if
 * user data slipped through unescaped.
 * <p>
 * The pages are built by hand: Jakarta REST has no view technology of its own (Jakarta MVC and its
 * template engines are not part of WildFly), and a handful of small renderers is less than a
 * template engine in the WAR.
 */
public final class PageLayout {

    static final String STYLE = resource("cards/card.css");
    static final String SCRIPT = resource("cards/card.js");

    /** What the pages need, and nothing more: their own style and script, and fetch() to this service. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(STYLE) + "'; script-src '"
            + sha256(SCRIPT) + "'; connect-src 'self'; img-src 'self' data:; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    private PageLayout() {
    }

    /**
     * @param title      the page title (escaped here)
     * @param headerHtml the header bar's content, already HTML
     * @param mainHtml   the page's sections, already HTML
     * @param mainData   attributes of {@code <main>} (already escaped), or empty
     * @param withScript whether the page carries the card script
     */
    static String page(String title, String headerHtml, String mainHtml, String mainData, boolean withScript) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + Html.escape(title) + "</title>"
                // no favicon request: the page is complete in one response
                + "<link rel=\"icon\" href=\"data:,\">"
                + "<style>" + STYLE + "</style></head><body>"
                + "<header class=\"page\">" + headerHtml + "</header>"
                + "<main" + mainData + ">" + mainHtml + "</main>"
                + (withScript ? "<script>" + SCRIPT + "</script>" : "")
                + "</body></html>\n";
    }

    /** Links every page carries. */
    static String navigation() {
        return "<nav><a href=\"/\">All models</a><a href=\"/api-docs/\">API documentation</a><a href=\"/openapi\">OpenAPI document</a>"
                + "<a href=\"/api/models\">Models as JSON</a></nav>";
    }

    private static String resource(String name) {
        try (InputStream in = PageLayout.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the WAR");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
