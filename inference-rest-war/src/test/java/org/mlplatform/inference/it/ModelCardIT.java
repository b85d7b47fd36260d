package org.mlplatform.inference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlplatform.inference.it.ItSupport.get;
import static org.mlplatform.inference.it.ItSupport.json;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.JsonObject;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mlplatform.inference.testing.ReferenceCase;
import org.mlplatform.inference.testing.TestRepository;

/**
 * The model card and the landing page in real headless Chromium (Debian's, driven by Playwright,
 * which downloads no browser): a binary and a 3-class version whose metadata carries a test set's
 * confusion matrix and ROC curves. Every page must render its plots with the right counts, run its
 * script without a console error, a page error or a Content-Security-Policy violation, and answer
 * the try-a-prediction form. The 3-class card's screenshot goes to target/screenshots/model-card.png
 * (docs/images/model-card.png is a copy).
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIf(value = "chromiumInstalled", disabledReason = "no Chromium at -Dchromium.path (default /usr/bin/chromium): apt-get install chromium")
class ModelCardIT {

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.path", "/usr/bin/chromium"));
    private static final String BINARY = "it-card-binary";
    private static final String IRIS = "it-card-iris";
    /** Feature and class names are user data: this one must show as text and never run. */
    private static final String HOSTILE = "<script>alert(1)</script>";

    @ArquillianResource
    URL base;

    private static Playwright playwright;
    private static Browser browser;
    private Page page;
    private final List<String> problems = new ArrayList<>();

    @Deployment(testable = false)
    static WebArchive deployment() {
        TestRepository repository = new TestRepository(ItSupport.modelsDir());
        List.of(BINARY, IRIS).forEach(ItSupport::deleteModel);
        List<String> seedNames = new ArrayList<>(List.of(HOSTILE));
        for (int j = 1; j < 10; j++) {
            seedNames.add("f" + j);
        }
        repository.publishEvaluated(BINARY, 1, ReferenceCase.load("seed", "robust_balanced_C1"), seedNames);
        repository.publishEvaluated(IRIS, 1, ReferenceCase.load("iris", "robust_balanced_C1"),
                List.of("sepal length", "sepal width", "petal length", "petal width"));
        repository.setAlias(IRIS, "production", 1);
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/inference-rest-war.war"));
    }

    static boolean chromiumInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM);
        if (!installed) {
            System.err.println("ModelCardIT skipped: no Chromium at " + CHROMIUM + " (apt-get install chromium)");
        }
        return installed;
    }

    @BeforeAll
    static void launch() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void close() {
        if (playwright != null) {
            playwright.close();
        }
    }

    /** A page that records every console error, page error, CSP violation, dialog and failed request. */
    @BeforeEach
    void openPage() {
        page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)).newPage();
        page.addInitScript("document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: '"
                + " + e.violatedDirective + ' ' + e.blockedURI));");
        page.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                problems.add("console error: " + message.text() + " at " + message.location());
            }
        });
        page.onPageError(error -> problems.add("page error: " + error));
        page.onDialog(dialog -> {
            problems.add("dialog: " + dialog.message());
            dialog.dismiss();
        });
        page.onResponse(response -> {
            if (response.status() >= 400) {
                problems.add("HTTP " + response.status() + " for " + response.url());
            }
        });
    }

    @AfterEach
    void noProblems() {
        page.context().close();
        assertEquals(List.of(), problems, "the page ran without errors");
    }

    private String url(String path) {
        return URI.create(base.toString()).resolve(path).toString();
    }

    @Test
    void theThreeClassCardDrawsEveryPlotAndTriesAPrediction() throws Exception {
        predictTrainingRows(IRIS, "iris");
        page.navigate(url("api/models/" + IRIS + "/versions/1/card"));
        assertEquals(IRIS + " version 1 · model card", page.title());
        assertEquals(9, page.locator("svg.confusion-matrix rect.cell").count(), "a 3 x 3 confusion matrix");
        assertEquals(3, page.locator("svg.roc-chart path.roc-curve").count(), "one ROC curve per class");
        assertEquals(4 * 3, page.locator("svg.coefficient-chart rect.coefficient-bar").count(), "4 features x 3 classes");
        assertTrue(page.locator("header .badge").allTextContents().contains("production"), "the alias is shown");

        assertEquals("ready", awaitDrift(), "a trained format 2 version has a baseline");
        assertEquals(4, page.locator("#drift tr.drift-feature").count(), "one drift row per feature");
        assertEquals(4, page.locator("#drift svg.drift-bins").count(), "training vs. recent bins of each feature");
        assertTrue(page.textContent("#drift .drift-status").startsWith("Recent window: 120 of"), page.textContent("#drift .drift-status"));
        // iris has many values on its bin edges (5.8, 3.0, ...): served as float32 they must fall where training put them
        assertEquals(Collections.nCopies(4, "stable"), page.locator("#drift .status").allTextContents(),
                "the training rows do not drift from themselves");

        page.fill("input[data-feature=\"2\"]", "5.5");
        page.fill("input[data-feature=\"3\"]", "2.1");
        page.click("#try-form button[type=submit]");
        page.waitForSelector("#try-result[data-state=done]");
        assertEquals("2", page.textContent("#try-result .prediction-label"), "long, wide petals: the third class");
        double sum = 0;
        for (int k = 0; k < 3; k++) {
            sum += Double.parseDouble(page.textContent("#try-result td[data-class-index=\"" + k + "\"]"));
        }
        assertEquals(1.0, sum, 1e-3, "the probabilities shown add up to 1");

        Path screenshot = Path.of("target", "screenshots", "model-card.png");
        Files.createDirectories(screenshot.getParent());
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshot).setFullPage(true));
        assertTrue(Files.size(screenshot) > 10_000, "a screenshot of the card");
    }

    @Test
    void theBinaryCardDrawsOneCurveAndShowsAHostileFeatureNameAsText() throws Exception {
        predictTrainingRows(BINARY, "seed");
        page.navigate(url("api/models/" + BINARY + "/versions/1/card"));
        assertEquals(4, page.locator("svg.confusion-matrix rect.cell").count(), "a 2 x 2 confusion matrix");
        assertEquals(1, page.locator("svg.roc-chart path.roc-curve").count(), "one ROC curve: the positive class");
        assertEquals(10, page.locator("svg.coefficient-chart rect.coefficient-bar").count(), "10 features x 1 logit");
        assertEquals(1, page.locator("script").count(), "only the page's own script");
        assertEquals(HOSTILE, page.locator("#try-form label").first().innerText().strip(), "the feature name as the user wrote it");
        assertEquals("ready", awaitDrift());
        assertEquals(HOSTILE, page.locator("#drift tr.drift-feature td").first().innerText(), "the name as text in the drift table too");
        assertEquals(Collections.nCopies(10, "stable"), page.locator("#drift .status").allTextContents(),
                "the training rows do not drift from themselves");

        page.click("#try-form button[type=submit]");
        page.waitForSelector("#try-result[data-state=done]");
        assertTrue(Set.of("0", "1").contains(page.textContent("#try-result .prediction-label")), "a label of the model");
    }

    @Test
    void theLandingPageListsTheModelsAndItsLinksWork() {
        page.navigate(url(""));
        assertEquals("Model platform", page.title());
        assertEquals(1, page.locator("section.model[data-model=\"" + IRIS + "\"] a.card-link").count());
        assertEquals(1, page.locator("section.model[data-model=\"" + BINARY + "\"] a.card-link").count());
        for (String link : page.locator("nav a").evaluateAll("links => links.map(a => a.href)").toString()
                .replaceAll("[\\[\\]]", "").split(",\\s*")) {
            assertEquals(200, get(URI.create(link)).statusCode(), link);
        }
        page.click("section.model[data-model=\"" + IRIS + "\"] a.alias");
        page.waitForSelector("svg.roc-chart");
        assertTrue(page.url().endsWith("/api/models/" + IRIS + "/versions/production/card"), page.url());
        assertEquals(IRIS + " version 1 · model card", page.title(), "the alias leads to the version it points at");
        awaitDrift();
        page.goBack();
        page.click("section.model[data-model=\"" + BINARY + "\"] a.card-link");
        page.waitForSelector("svg.roc-chart");
        assertEquals(BINARY + " version 1 · model card", page.title());
        awaitDrift();
    }

    @Test
    void anUnknownVersionIsAProblemAndTheCardAHtmlPageWithItsPolicy() {
        HttpResponse<String> unknown = get(URI.create(url("api/models/" + IRIS + "/versions/9/card")));
        assertEquals(404, unknown.statusCode());
        assertEquals("application/problem+json", unknown.headers().firstValue("Content-Type").orElse(""));
        JsonObject problem = json(unknown).asJsonObject();
        assertEquals("urn:mlplatform:problem:not-found", problem.getString("type"));
        assertEquals(400, get(URI.create(url("api/models/" + IRIS + "/versions/no%20such/card"))).statusCode());
        assertEquals(404, get(URI.create(url("api/models/no-such-model/versions/1/card"))).statusCode());

        HttpResponse<String> card = get(URI.create(url("api/models/" + IRIS + "/versions/1/card")));
        assertEquals(200, card.statusCode());
        assertTrue(card.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(card.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'sha256-"));
        assertFalse(card.body().matches("(?s).*(src|href)=\"(https?:)?//.*"), "nothing is loaded or linked from elsewhere");
    }

    /** The reference set's training rows through predict: the drift window then holds the training distribution. */
    private void predictTrainingRows(String model, String set) throws Exception {
        HttpResponse<String> predicted = ItSupport.post(URI.create(url("api/models/" + model + "/predict")), "text/csv",
                Files.readString(ReferenceCase.referenceDir().resolve("data").resolve(set).resolve("train_data.csv")));
        assertEquals(200, predicted.statusCode(), predicted.body());
    }

    /** The drift section's final state once its fetch has answered. */
    private String awaitDrift() {
        page.waitForSelector("#drift:not([data-state=loading])");
        return page.getAttribute("#drift", "data-state");
    }
}
