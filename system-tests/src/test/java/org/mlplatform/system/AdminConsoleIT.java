package org.mlplatform.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;

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

/**
 * Batch job submission through WildFly's admin console (HAL), as README "Admin console (HAL)" tells a
 * user to do it: both WARs on one server, as ./run.sh deploys them; the management user of the test
 * server logs in; Runtime → the server → Batch → job → Start with one key=value property per job
 * parameter. The training publishes a new version (builder REST API), the scoring writes one output
 * row per input row (scorings REST API), and HAL's executions list shows each one COMPLETED. A training
 * with a missing file shows FAILED there, with no restart offered; a slowed scoring is stopped and
 * restarted from the list and completes.
 *
 * <p>Runs after {@link OpenApiUiIT} on the same server (see src/test/resources/junit-platform.properties):
 * that test's examples use the execution ids of a fresh job repository. This one reads every id it
 * needs from HAL and the REST APIs, so it also runs alone.
 */
@ExtendWith(ArquillianExtension.class)
@Order(2)
@EnabledIf(value = "chromiumInstalled",
        disabledReason = "no Chromium at -Dchromium.path (default /usr/bin/chromium): install Debian's chromium "
                + "(apt-get install chromium; .ci/run does when it runs as root) to run the admin console test")
class AdminConsoleIT {

    private static final String CONSOLE_USER = System.getProperty("it.console.user");
    private static final String CONSOLE_PASSWORD = System.getProperty("it.console.password");
    private static final String BUILDER_WAR = "builder-batch-war.war";
    private static final String INFERENCE_WAR = "inference-rest-war.war";
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(1);
    /** The REST lists of each job's executions: the job repository, where a start from HAL shows up */
    private static final String TRAININGS = "builder/api/trainings";
    private static final String SCORINGS = "api/scorings";
    /** The default test set: 80 rows. */
    private static final int TEST_ROWS = 80;

    @ArquillianResource
    @OperateOnDeployment("inference")
    URL inferenceUrl;

    @Deployment(name = "builder", order = 1, testable = false)
    static WebArchive builder() {
        return war(BUILDER_WAR);
    }

    @Deployment(name = "inference", order = 2, testable = false)
    static WebArchive inference() {
        return war(INFERENCE_WAR);
    }

    static boolean chromiumInstalled() {
        return HeadlessChromium.installed(AdminConsoleIT.class);
    }

    private static WebArchive war(String name) {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("deployments.dir"), name));
    }

    @Test
    void trainingAndScoringJobsStartFromTheConsoleAndShowTheirExecutions() throws Exception {
        PlatformClient platform = new PlatformClient(URI.create(inferenceUrl.toString().replaceAll("/?$", "/")),
                System.getProperty("it.admin.user"), System.getProperty("it.admin.password"));
        Set<Long> versionsBefore = versions(platform);
        Path screenshots = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));

        long started = System.nanoTime();
        try (Playwright playwright = HeadlessChromium.playwright();
             Browser browser = HeadlessChromium.launch(playwright)) {
            // The management user answers the console's login prompt (HTTP Digest), as a user types it in
            Page page = browser.newContext(new Browser.NewContextOptions()
                    .setViewportSize(1280, 800)
                    .setHttpCredentials(CONSOLE_USER, CONSOLE_PASSWORD)).newPage();
            HalConsole hal = new HalConsole(page, screenshots);
            hal.open("http://127.0.0.1:" + System.getProperty("it.management.port") + "/console/index.html");
            hal.openBatchJobs();
            System.out.println("HAL: Runtime → " + hal.serverName() + " → Batch");

            try {
                long version = trainingPublishesANewVersion(hal, platform, versionsBefore);
                trainingWithAMissingFileFails(hal, platform);
                scoringWritesEveryRow(hal, platform, version);
                scoringStoppedAndRestartedFromTheListCompletes(hal, platform);
            } catch (AssertionError | RuntimeException failed) {
                hal.capture("hal-failure");
                throw failed;
            }
        }
        System.out.printf("Admin console part: %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    /** train-model with the README's three properties; returns the version it published. */
    private static long trainingPublishesANewVersion(HalConsole hal, PlatformClient platform, Set<Long> versionsBefore)
            throws InterruptedException {
        long id = startAndAwait(hal, platform, "train-model", BUILDER_WAR, TRAININGS, properties(
                "model", "default", "trainData", "default/train_data.csv", "trainLabels", "default/train_labels.csv"),
                "hal-start-job", "COMPLETED");
        hal.screenshot("hal-train-model-executions");

        JsonObject execution = platform.awaitExecution(id, PlatformClient.ENDED::contains, JOB_TIMEOUT);
        assertEquals("COMPLETED", execution.getString("status"), execution.toString());
        assertEquals("default/train_data.csv", execution.getJsonObject("parameters").getString("trainData"),
                "the console's properties are the job's parameters: " + execution);
        long version = execution.getJsonObject("published").getJsonNumber("version").longValue();
        assertFalse(versionsBefore.contains(version), "a new version: " + version + " was already there " + versionsBefore);
        assertTrue(versions(platform).contains(version), "the builder lists default version " + version);
        assertTrue(platform.awaitOk("api/models/default/versions/" + version, Duration.ofMinutes(1)),
                "the inference service serves default version " + version);
        hal.back();
        return version;
    }

    /** A training whose data file does not exist: FAILED in the list, no restart offered; the REST API says why. */
    private static void trainingWithAMissingFileFails(HalConsole hal, PlatformClient platform) throws InterruptedException {
        long id = startAndAwait(hal, platform, "train-model", BUILDER_WAR, TRAININGS, properties(
                "model", "default", "trainData", "default/no_such_file.csv", "trainLabels", "default/train_labels.csv"),
                "hal-start-failing-job", "FAILED");
        assertEquals(0, hal.action(id, "Restart").count(), "HAL offers Restart only for a stopped execution, not a failed one");

        JsonObject execution = platform.awaitExecution(id, PlatformClient.ENDED::contains, JOB_TIMEOUT);
        assertEquals("FAILED", execution.getString("status"), execution.toString());
        assertTrue(execution.getString("failure").contains("no such file in the data folder: default/no_such_file.csv"),
                execution.toString());
        hal.back();
    }

    /** score-file on the default test set with the latest version: one output row per input row. */
    private static void scoringWritesEveryRow(HalConsole hal, PlatformClient platform, long version)
            throws InterruptedException, IOException {
        long id = startAndAwait(hal, platform, "score-file", INFERENCE_WAR, SCORINGS, properties("model", "default", "input", "default/test_data.csv"),
                "hal-start-score-file", "COMPLETED");
        hal.screenshot("hal-score-file-executions");

        JsonObject scoring = platform.awaitScoring(id, PlatformClient.ENDED::contains, JOB_TIMEOUT);
        assertEquals("COMPLETED", scoring.getString("status"), scoring.toString());
        assertEquals(version, scoring.getJsonNumber("version").longValue(), "the latest version, just trained: " + scoring);
        assertOutputHasEveryRow(scoring);
        hal.back();
    }

    /**
     * score-file slowed to 4 rows/s with a checkpoint every 8 rows: "Stop" on its row while it runs, then
     * "Restart" on the stopped row; the restart (a new execution of the same job instance) completes.
     */
    private static void scoringStoppedAndRestartedFromTheListCompletes(HalConsole hal, PlatformClient platform)
            throws InterruptedException, IOException {
        long id = startAndAwait(hal, platform, "score-file", INFERENCE_WAR, SCORINGS, properties("model", "default", "input", "default/test_data.csv",
                "maxRowsPerSecond", "4", "checkpointRows", "8"), "hal-start-slow-score-file", "STARTED");
        hal.action(id, "Stop").click();
        System.out.println("HAL score-file execution " + id + ": " + hal.awaitExecution(id, "STOPPED"));
        JsonObject stopped = platform.awaitScoring(id, PlatformClient.ENDED::contains, JOB_TIMEOUT);
        assertEquals("STOPPED", stopped.getString("status"), stopped.toString());

        hal.action(id, "Restart").click();
        long instance = stopped.getJsonNumber("instanceId").longValue();
        long restartId = platform.awaitLatestScoringOf(instance, id, JOB_TIMEOUT);
        System.out.println("HAL score-file execution " + restartId + " (restart of " + id + "): "
                + hal.awaitExecution(restartId, "COMPLETED"));
        JsonObject resumed = platform.awaitScoring(restartId, PlatformClient.ENDED::contains, JOB_TIMEOUT);
        assertEquals("COMPLETED", resumed.getString("status"), resumed.toString());
        assertEquals(stopped.getJsonNumber("rowsDone").longValue(), resumed.getJsonNumber("resumedAtRow").longValue(),
                "the restart resumed where the stop left off: " + resumed);
        assertOutputHasEveryRow(resumed);
    }

    /**
     * The job's "Start" with the properties (the dialog captured as {@code <dialogScreenshot>.png}), then its
     * "View", until the executions list shows the new execution with the status. Returns the execution id:
     * the one execution the job's REST list shows after the click and did not before, which HAL's
     * notification must name too (an earlier start's notification may still be on screen beside it).
     */
    private static long startAndAwait(HalConsole hal, PlatformClient platform, String job, String deployment,
                                      String executions, Map<String, String> properties, String dialogScreenshot,
                                      String status) throws InterruptedException {
        Set<Long> before = platform.executionIds(executions);
        hal.startJob(job, deployment, properties, dialogScreenshot);
        long id = platform.awaitNewExecution(executions, before, START_TIMEOUT);
        System.out.println("HAL: " + hal.startedNotification(job, id));
        hal.viewJob(job, deployment);
        System.out.println("HAL " + job + " execution " + id + ": " + hal.awaitExecution(id, status));
        return id;
    }

    /** The scoring's status counts every row and its output file holds a header and one line per input row. */
    private static void assertOutputHasEveryRow(JsonObject scoring) throws IOException {
        assertEquals(TEST_ROWS, scoring.getJsonNumber("rowsDone").longValue(), scoring.toString());
        assertEquals(TEST_ROWS, scoring.getJsonNumber("rowsTotal").longValue(), scoring.toString());
        assertTrue(scoring.getBoolean("outputReady"), scoring.toString());
        List<String> lines = Files.readAllLines(Path.of(System.getProperty("it.data.dir"), scoring.getString("output")));
        assertTrue(lines.get(0).startsWith("row,"), "a header row: " + lines.get(0));
        assertEquals(TEST_ROWS + 1, lines.size(), "header and " + TEST_ROWS + " rows in " + scoring.getString("output"));
    }

    private static Set<Long> versions(PlatformClient platform) {
        HttpResponse<String> response = platform.get("builder/api/models/default/versions");
        if (response.statusCode() == 404) {
            return Set.of();
        }
        assertEquals(200, response.statusCode(), response.body());
        return PlatformClient.json(response.body()).asJsonArray().getValuesAs(JsonObject.class).stream()
                .map(v -> v.getJsonNumber("version").longValue()).collect(Collectors.toSet());
    }

    private static Map<String, String> properties(String... keysAndValues) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }
}
