package org.mlplatform.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mlplatform.system.SwaggerUi.Operation;
import org.mlplatform.system.SwaggerUi.Response;

/**
 * The OpenAPI UI as a user meets it: both WARs on one server, the default model trained as ./run.sh
 * trains it, then Swagger UI at /api-docs in headless Chromium. For every operation of both documents
 * the test expands it, clicks "Try it out" and "Execute" with the documented examples (nothing typed):
 * reads answer 2xx, writes (padlock) 401; then, after "Authorize" with the model-admin user, every
 * write answers 2xx. Writes run in the order README "OpenAPI UI" tells, in which each example finds what
 * it needs. Both services share one job repository, so execution ids are one sequence: the scoring
 * example is execution 2 (its status is read once it exists), stopped while it runs and restarted as 3;
 * the builder's stop and restart target execution 4, the first training after those; the delete
 * targets version 2, which the training example publishes, after production was pointed at version 1; the
 * import, given default version 1's model.onnx in its file field, publishes it again as version 3.
 * Those ids need a fresh job repository: the test runs first on the test server
 * (src/test/resources/junit-platform.properties orders the test classes by {@code @Order}).
 */
@ExtendWith(ArquillianExtension.class)
@Order(1)
@EnabledIf(value = "chromiumInstalled",
        disabledReason = "no Chromium at -Dchromium.path (default /usr/bin/chromium): install Debian's chromium "
                + "(apt-get install chromium; .ci/run does when it runs as root) to run the OpenAPI UI test")
class OpenApiUiIT {

    private static final String USER = System.getProperty("it.admin.user");
    private static final String PASSWORD = System.getProperty("it.admin.password");
    private static final String INFERENCE = "Inference";
    private static final String BUILDER = "Model builder";
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(3);
    /** The file the import example is given: the model.onnx of default version 1, which ./run.sh trains. */
    private static final Path DEFAULT_V1_ONNX = Path.of(System.getProperty("it.models.dir", "target/it-models"), "default", "1",
            "model.onnx");
    /** The scoring examples' execution: the first after the default training. */
    private static final long SCORING_EXAMPLE_ID = 2;
    /** The builder's stop and restart examples' execution: the first after the scoring example and its restart. */
    private static final long BUILDER_STOP_EXAMPLE_ID = 4;

    /** The training ./run.sh starts on a fresh server: execution 1, default version 1. */
    private static final String DEFAULT_TRAINING = """
            {"model": "default", "trainData": "default/train_data.csv", "trainLabels": "default/train_labels.csv",
             "testData": "default/test_data.csv", "testLabels": "default/test_labels.csv"}""";
    /** A job that runs for seconds, so that "stop" finds it running (30,000 x 20, generated). */
    private static final String LONG_TRAINING = """
            {"model": "ui-long-job", "trainData": "ui-long-job/train_data.csv", "trainLabels": "ui-long-job/train_labels.csv"}""";

    @ArquillianResource
    @OperateOnDeployment("inference")
    URL inferenceUrl;

    @Deployment(name = "builder", order = 1, testable = false)
    static WebArchive builder() {
        return war("builder-batch-war.war");
    }

    @Deployment(name = "inference", order = 2, testable = false)
    static WebArchive inference() {
        return war("inference-rest-war.war");
    }

    static boolean chromiumInstalled() {
        return HeadlessChromium.installed(OpenApiUiIT.class);
    }

    private static WebArchive war(String name) {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("deployments.dir"), name));
    }

    /** One "Execute" and what it should have answered. */
    private record Click(String document, String operation, boolean authorized, String expected, int status, String body) {

        boolean passed() {
            return expected.equals("2xx") ? status >= 200 && status < 300 : expected.equals(Integer.toString(status));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-5s %-14s %-6s %-58s expected %-4s got %4d%s", passed() ? "ok" : "FAIL", document,
                    authorized ? "auth" : "anon", operation, expected, status, passed() ? "" : "  " + body.replaceAll("\\s+", " "));
        }
    }

    private final List<Click> clicks = new ArrayList<>();

    @Test
    void everyOperationOfBothDocumentsAnswersFromTheUiWithItsExamples() throws Exception {
        URI base = URI.create(inferenceUrl.toString().replaceAll("/?$", "/"));
        PlatformClient platform = new PlatformClient(base, USER, PASSWORD);
        trainTheDefaultModelAsRunShDoes(platform);
        writeLongJobData();

        long started = System.nanoTime();
        try (Playwright playwright = HeadlessChromium.playwright();
             Browser browser = HeadlessChromium.launch(playwright)) {
            // Chromium answers a Basic challenge (the 401 of a write without "Authorize") with its login
            // prompt, which a headless browser would wait on forever. The context answers it with a user
            // that does not exist, as a user cancelling the prompt would: the page then shows the 401.
            Page page = browser.newContext(new Browser.NewContextOptions()
                    .setViewportSize(1280, 1000)
                    .setHttpCredentials("no-such-user-ui-test", "cancelled-login-prompt")).newPage();
            SwaggerUi ui = new SwaggerUi(page, Path.of(System.getProperty("screenshots.dir", "target/screenshots")));
            ui.open(base.resolve("api-docs/").toString());

            ui.selectDocument(INFERENCE, "Model platform inference service");
            List<Operation> inference = ui.operations();
            assertEquals(documentOperations(platform, "openapi?format=JSON"), secured(inference),
                    "the UI lists the inference document's operations, padlocks on those with a security requirement");
            // The status of a scoring execution is read once the start example created it (below)
            Operation scoringStatus = find(inference, "GET", "/api/scorings/{id}");
            everyOperationWithoutCredentials(ui, INFERENCE, inference.stream().filter(o -> !o.equals(scoringStatus)).toList());
            // The other media types of predict: the CSV example, and a CSV file chosen in the file field
            Operation predict = find(inference, "POST", "/api/models/{model}/predict");
            ui.prepare(predict, "text/csv", "headerless", null);
            clickPrepared(ui, INFERENCE, predict, " [text/csv]", false, "2xx");
            ui.prepare(predict, "multipart/form-data", null, Path.of(System.getProperty("it.data.dir"), "default", "test_data.csv"));
            clickPrepared(ui, INFERENCE, predict, " [multipart, file test_data.csv]", false, "2xx");
            assertTrue(ui.authorize(USER, PASSWORD), "Authorize with the model-admin user");
            click(ui, INFERENCE, find(inference, "POST", "/api/models/{model}/reload"), true, "2xx");
            JsonObject stoppedScoring = scoringWritesInTheirStoryOrder(ui, platform, inference, scoringStatus);

            // Switching documents forgets the authorization, as the unauthenticated pass needs
            ui.selectDocument(BUILDER, "Model builder");
            assertTrue(!ui.authorized(), "a newly selected document starts without credentials");
            List<Operation> builder = ui.operations();
            assertEquals(documentOperations(platform, "builder/openapi?format=JSON"), secured(builder),
                    "the UI lists the builder document's operations, padlocks on those with a security requirement");
            // Swagger UI does not send the import without its required file: that one is clicked with default version 1's file
            Operation importVersion = find(builder, "POST", "/builder/api/models/{model}/versions");
            everyOperationWithoutCredentials(ui, BUILDER, builder.stream().filter(o -> !o.equals(importVersion)).toList());
            ui.prepare(importVersion, "multipart/form-data", null, DEFAULT_V1_ONNX);
            clickPrepared(ui, BUILDER, importVersion, " [file model.onnx of default version 1]", false, "401");
            assertTrue(ui.authorize(USER, PASSWORD), "Authorize with the model-admin user");
            builderWritesInTheirStoryOrder(ui, platform, builder);

            // The upload variant of the scoring start: a CSV file chosen in the file field 'input'
            ui.selectDocument(INFERENCE, "Model platform inference service");
            assertTrue(ui.authorize(USER, PASSWORD), "Authorize with the model-admin user");
            ui.prepare(find(inference, "POST", "/api/scorings"), "multipart/form-data", null,
                    Path.of(System.getProperty("it.data.dir"), "default", "test_data.csv"));
            clickPrepared(ui, INFERENCE, find(inference, "POST", "/api/scorings"), " [multipart, file test_data.csv]", true, "2xx");

            report(inference, builder, System.nanoTime() - started);
            restartedScoringCompleted(platform, stoppedScoring);
        }
        // Nothing the examples did broke what the others need: the default model is still served
        assertEquals(200, platform.get("api/models/default/versions/1").statusCode(), "default version 1 still served");
        assertTrue(clicks.stream().allMatch(Click::passed),
                "operations that did not answer as documented:\n" + clicks.stream().filter(c -> !c.passed())
                        .map(Click::toString).collect(Collectors.joining("\n")));
    }

    /** Execution 1 trains default version 1 from the embedded dataset; the inference service then serves it. */
    private static void trainTheDefaultModelAsRunShDoes(PlatformClient platform) throws InterruptedException {
        long id = platform.startTraining(DEFAULT_TRAINING);
        assertEquals(1, id, "the default training is the first execution of a fresh job repository, as after ./run.sh");
        JsonObject execution = platform.awaitExecution(id, PlatformClient.ENDED::contains, JOB_TIMEOUT);
        assertEquals("COMPLETED", execution.getString("status"), execution.toString());
        assertTrue(platform.awaitOk("api/models/default/versions/1", Duration.ofMinutes(1)),
                "the inference service serves default version 1");
    }

    private void everyOperationWithoutCredentials(SwaggerUi ui, String document, List<Operation> operations) {
        for (Operation operation : operations) {
            click(ui, document, operation, false, operation.secured() ? "401" : "2xx");
        }
    }

    /**
     * The scoring start example (the default test set, slowed to 20 s) becomes execution 2; its status is
     * then read (without credentials: the operation has no security requirement), stop finds it running,
     * and restart resumes it as execution 3. Returns the stopped execution.
     */
    private JsonObject scoringWritesInTheirStoryOrder(SwaggerUi ui, PlatformClient platform, List<Operation> operations,
                                                      Operation status) throws InterruptedException {
        click(ui, INFERENCE, find(operations, "POST", "/api/scorings"), true, "2xx");
        List<JsonObject> scorings = platform.getJson("api/scorings").asJsonArray().getValuesAs(JsonObject.class);
        assertEquals(1, scorings.size(), "one scoring execution: " + scorings);
        assertEquals(SCORING_EXAMPLE_ID, scorings.get(0).getJsonNumber("id").longValue(),
                "the scoring example is execution 2, the id of the scoring examples");
        click(ui, INFERENCE, status, false, "2xx");
        click(ui, INFERENCE, find(operations, "POST", "/api/scorings/{id}/stop"), true, "2xx");
        JsonObject stopped = platform.awaitScoring(SCORING_EXAMPLE_ID, PlatformClient.ENDED::contains, JOB_TIMEOUT);
        assertEquals("STOPPED", stopped.getString("status"), "stop stopped the scoring job: " + stopped);
        click(ui, INFERENCE, find(operations, "POST", "/api/scorings/{id}/restart"), true, "2xx");
        return stopped;
    }

    /** The restart of the stopped scoring example (execution 3) went on where it stopped and wrote all 80 rows. */
    private static void restartedScoringCompleted(PlatformClient platform, JsonObject stopped) throws InterruptedException {
        JsonObject resumed = platform.awaitScoring(SCORING_EXAMPLE_ID + 1, PlatformClient.ENDED::contains, JOB_TIMEOUT);
        assertEquals("COMPLETED", resumed.getString("status"), "the restarted scoring job completed: " + resumed);
        assertEquals(stopped.getJsonNumber("instanceId").longValue(), resumed.getJsonNumber("instanceId").longValue(), resumed.toString());
        assertEquals(stopped.getJsonNumber("rowsDone").longValue(), resumed.getJsonNumber("resumedAtRow").longValue(), resumed.toString());
        assertEquals(80, resumed.getJsonNumber("rowsDone").longValue(), resumed.toString());
        assertTrue(resumed.getBoolean("outputReady"), resumed.toString());
        assertEquals("scorings/test_data.default-v1.2.csv", resumed.getString("output"), "the output README 'OpenAPI UI' names");
        assertTrue(Files.isRegularFile(Path.of(System.getProperty("it.data.dir"), resumed.getString("output"))), resumed.toString());
    }

    /**
     * Stop finds execution 4 running (a long job this test starts just before the click, as a user would
     * start one with the training example); restart then resumes it. The training example publishes
     * default version 2; production is pointed at version 1; the delete removes version 2.
     */
    private void builderWritesInTheirStoryOrder(SwaggerUi ui, PlatformClient platform, List<Operation> operations)
            throws InterruptedException {
        Operation stop = find(operations, "POST", "/builder/api/trainings/{id}/stop");
        ui.prepare(stop);
        long longJob = platform.startTraining(LONG_TRAINING);
        assertEquals(BUILDER_STOP_EXAMPLE_ID, longJob, "the long job is execution 4, the stop and restart examples' id");
        clickPrepared(ui, BUILDER, stop, "", true, "2xx");
        JsonObject stopped = platform.awaitExecution(longJob, PlatformClient.ENDED::contains, JOB_TIMEOUT);
        assertEquals("STOPPED", stopped.getString("status"), "stop stopped the job: " + stopped);

        click(ui, BUILDER, find(operations, "POST", "/builder/api/trainings/{id}/restart"), true, "2xx");

        click(ui, BUILDER, find(operations, "POST", "/builder/api/trainings"), true, "2xx");
        assertTrue(platform.awaitOk("builder/api/models/default/versions/2", JOB_TIMEOUT),
                "the training example published default version 2");
        click(ui, BUILDER, find(operations, "PUT", "/builder/api/models/{model}/aliases/{alias}"), true, "2xx");
        click(ui, BUILDER, find(operations, "DELETE", "/builder/api/models/{model}/versions/{version}"), true, "2xx");
        assertEquals(404, platform.get("builder/api/models/default/versions/2").statusCode(), "version 2 is gone");
        // The import, with the file chooser's liberty: default version 1's own model.onnx, published again as version 3
        Operation importVersion = find(operations, "POST", "/builder/api/models/{model}/versions");
        ui.prepare(importVersion, "multipart/form-data", null, DEFAULT_V1_ONNX);
        clickPrepared(ui, BUILDER, importVersion, " [file model.onnx of default version 1]", true, "2xx");
        assertEquals(200, platform.get("builder/api/models/default/versions/3").statusCode(),
                "the import example published default version 3");

        JsonObject restarted = latestExecutionOf(platform, stopped.getJsonNumber("instanceId").longValue());
        JsonObject resumed = platform.awaitExecution(restarted.getJsonNumber("id").longValue(), PlatformClient.ENDED::contains, JOB_TIMEOUT);
        assertEquals("COMPLETED", resumed.getString("status"), "the restarted job completed: " + resumed);
    }

    private static JsonObject latestExecutionOf(PlatformClient platform, long instanceId) {
        return platform.getJson("builder/api/trainings").asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(execution -> execution.getJsonNumber("instanceId").longValue() == instanceId)
                .findFirst().orElseThrow(() -> new AssertionError("no execution of job instance " + instanceId));
    }

    private void click(SwaggerUi ui, String document, Operation operation, boolean authorized, String expected) {
        ui.prepare(operation);
        clickPrepared(ui, document, operation, "", authorized, expected);
    }

    private void clickPrepared(SwaggerUi ui, String document, Operation operation, String variant, boolean authorized,
                               String expected) {
        Response response = ui.execute(operation);
        Click click = new Click(document, operation + variant, authorized, expected, response.status(), response.body());
        clicks.add(click);
        System.out.println(click);
        if (!click.passed()) {
            ui.screenshot(document + " " + click.operation() + (authorized ? " auth" : " anon"));
        }
        ui.collapse(operation);
    }

    private static Operation find(List<Operation> operations, String method, String path) {
        return operations.stream().filter(o -> o.method().equals(method) && o.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError(method + " " + path + " is not in the UI: " + operations));
    }

    /** "METHOD path" of every operation, with " (secured)" where it has a security requirement. */
    private static Set<String> documentOperations(PlatformClient platform, String document) {
        JsonObject openApi = platform.getJson(document).asJsonObject();
        Set<String> operations = new TreeSet<>();
        openApi.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((method, operation) -> {
            if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(method)) {
                JsonValue security = operation.asJsonObject().get("security");
                boolean secured = security != null && security.getValueType() == JsonValue.ValueType.ARRAY && !security.asJsonArray().isEmpty();
                operations.add(method.toUpperCase(Locale.ROOT) + " " + path + (secured ? " (secured)" : ""));
            }
        }));
        return operations;
    }

    private static Set<String> secured(List<Operation> operations) {
        return operations.stream().map(o -> o + (o.secured() ? " (secured)" : "")).collect(Collectors.toCollection(TreeSet::new));
    }

    private void report(List<Operation> inference, List<Operation> builder, long nanos) {
        Map<String, List<Operation>> documents = new LinkedHashMap<>();
        documents.put(INFERENCE, inference);
        documents.put(BUILDER, builder);
        for (var document : documents.entrySet()) {
            List<Click> own = clicks.stream().filter(c -> c.document().equals(document.getKey())).toList();
            System.out.printf(Locale.ROOT, "%s: %d operations, %d of %d clicks as documented (reads answering 2xx: %d; writes answering 401, then 2xx: %d)%n",
                    document.getKey(), document.getValue().size(), own.stream().filter(Click::passed).count(), own.size(),
                    document.getValue().stream().filter(o -> !o.secured()).count(),
                    document.getValue().stream().filter(Operation::secured).count());
        }
        System.out.printf(Locale.ROOT, "Browser part: %.1f s%n", nanos / 1e9);
    }

    /** 30,000 rows x 20 features, labels from a seeded linear rule: the job runs for seconds, not one. */
    private static void writeLongJobData() throws IOException {
        Path folder = Path.of(System.getProperty("it.data.dir"), "ui-long-job");
        Files.createDirectories(folder);
        Random random = new Random(7);
        StringBuilder data = new StringBuilder(30_000 * 20 * 8);
        StringBuilder labels = new StringBuilder(30_000 * 2);
        for (int row = 0; row < 30_000; row++) {
            double score = 0;
            for (int column = 0; column < 20; column++) {
                double value = Math.round(random.nextGaussian() * 1000) / 1000.0;
                score += (column % 3 - 1) * value;
                data.append(column == 0 ? "" : ",").append(value);
            }
            data.append('\n');
            labels.append(score + random.nextGaussian() > 0 ? 1 : 0).append('\n');
        }
        Files.writeString(folder.resolve("train_data.csv"), data);
        Files.writeString(folder.resolve("train_labels.csv"), labels);
    }
}
