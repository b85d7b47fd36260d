package org.mlplatform.inference.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.inference.scorings.control.PartFile;
import org.mlplatform.inference.testing.ReferenceCase;
import org.mlplatform.inference.testing.TestRepository;
import org.wildfly.core.launcher.Launcher;
import org.wildfly.core.launcher.StandaloneCommandBuilder;

/**
 * kill -9 of the server in the middle of a score-file job, then a new server process and a restart
 * of the execution: it resumes at its last checkpoint, and the output holds every input row exactly
 * once, in order — the same bytes as an uninterrupted job. The server is one of this test's own (a
 * copy of the Arquillian configuration in target/wildfly-crash, its own ports, data and model
 * folders), started with the WildFly launcher so that the test holds the JVM's own process.
 */
class ScoringCrashIT {

    private static final int ROWS = 120_000;
    private static final int CHECKPOINT_ROWS = 5_000;
    private static final Path BASE = Path.of("target/wildfly-crash").toAbsolutePath();
    private static final Path MODELS = Path.of("target/crash-models").toAbsolutePath();
    private static final Path DATA = Path.of("target/crash-data").toAbsolutePath();

    private final int portOffset = Integer.getInteger("it.crash.port.offset", Integer.getInteger("it.port.offset", 100) + 20);
    private final URI base = URI.create("http://127.0.0.1:" + (8080 + portOffset) + "/");
    private Process server;

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void aJobKilledWithTheServerResumesAtItsLastCheckpointAndWritesEveryRowOnceInOrder() throws Exception {
        prepare();
        startServer();
        HttpResponse<String> accepted = submit("{\"model\": \"it-crash\", \"input\": \"crash/input.csv\", \"output\": \"crash/scored.csv\","
                + " \"checkpointRows\": " + CHECKPOINT_ROWS + ", \"batchRows\": 1000, \"maxRowsPerSecond\": 15000}");
        assertEquals(202, accepted.statusCode(), accepted.body());
        URI execution = URI.create(accepted.headers().firstValue("Location").orElseThrow());

        JsonObject before = awaitStatus(execution, status -> status.getJsonNumber("rowsDone").longValue() >= 3L * CHECKPOINT_ROWS,
                "a third checkpoint");
        assertEquals("STARTED", before.getString("status"), "the job ended before the kill; slow it down: " + before);
        assertEquals(ROWS, before.getJsonNumber("rowsTotal").longValue(), "the rows are counted beside the scoring, long before its end");
        server.destroyForcibly(); // SIGKILL: no shutdown hook, no step end, no chunk rollback
        assertTrue(server.waitFor(60, TimeUnit.SECONDS));
        Path output = DATA.resolve("crash/scored.csv");
        assertFalse(Files.exists(output), "the killed job left a file under the final name");
        assertTrue(Files.exists(PartFile.partOf(output)), "the partial output is kept under its temporary name");

        startServer();
        HttpResponse<String> restarted = send(HttpRequest.newBuilder(execution.resolve(execution.getPath() + "/restart"))
                .header("Authorization", basic()).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(202, restarted.statusCode(), restarted.body());
        URI second = URI.create(restarted.headers().firstValue("Location").orElseThrow());
        JsonObject after = awaitStatus(second, status -> !List.of("STARTING", "STARTED").contains(status.getString("status")), "the end");
        assertEquals("COMPLETED", after.getString("status"), after.toString());
        long resumedAt = after.getJsonNumber("resumedAtRow").longValue();
        assertTrue(resumedAt >= CHECKPOINT_ROWS && resumedAt % CHECKPOINT_ROWS == 0 && resumedAt <= ROWS,
                "the restart did not resume at a checkpoint: " + after);
        assertEquals(ROWS, after.getJsonNumber("rowsDone").longValue());
        assertEquals(ROWS, after.getJsonNumber("rowsTotal").longValue());
        assertEquals(before.getInt("version"), after.getInt("version"));

        try (Stream<String> lines = Files.lines(output)) {
            long[] expected = {1};
            lines.skip(1).forEach(line -> assertEquals(expected[0]++, Long.parseLong(line.substring(0, line.indexOf(','))),
                    "row numbers in the output"));
            assertEquals(ROWS + 1, expected[0], "rows in the output");
        }

        JsonObject clean = awaitStatus(URI.create(submit("{\"model\": \"it-crash\", \"input\": \"crash/input.csv\","
                        + " \"output\": \"crash/clean.csv\"}").headers().firstValue("Location").orElseThrow()),
                status -> !List.of("STARTING", "STARTED").contains(status.getString("status")), "the uninterrupted job");
        assertEquals("COMPLETED", clean.getString("status"), clean.toString());
        assertArrayEquals(Files.readAllBytes(DATA.resolve("crash/clean.csv")), Files.readAllBytes(output),
                "the resumed output differs from an uninterrupted job's");
    }

    private void prepare() throws IOException {
        ItSupport.deleteTree(BASE);
        ItSupport.deleteTree(MODELS);
        ItSupport.deleteTree(DATA);
        Path configuration = Path.of(System.getProperty("it.server.base.dir"), "configuration");
        try (Stream<Path> files = Files.walk(configuration)) {
            for (Path file : files.toList()) {
                Path target = BASE.resolve("configuration").resolve(configuration.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Files.createDirectories(BASE.resolve("deployments"));
        Files.copy(Path.of("target/inference-rest-war.war"), BASE.resolve("deployments/inference-rest-war.war"),
                StandardCopyOption.REPLACE_EXISTING);
        new TestRepository(MODELS).publish("it-crash", 1, ReferenceCase.load("seed", "robust_balanced_C1").onnx(), 10, 2, List.of());
        Files.createDirectories(DATA.resolve("crash"));
        Random random = new Random(13);
        try (BufferedWriter out = Files.newBufferedWriter(DATA.resolve("crash/input.csv"), StandardCharsets.UTF_8)) {
            for (int row = 0; row < ROWS; row++) {
                for (int column = 0; column < 10; column++) {
                    out.write((column == 0 ? "" : ",") + String.format(Locale.ROOT, "%.8f", random.nextGaussian()));
                }
                out.write('\n');
            }
        }
    }

    private void startServer() throws IOException {
        StandaloneCommandBuilder command = StandaloneCommandBuilder.of(Path.of(System.getProperty("jboss.home")))
                .setJavaHome(System.getProperty("java.home"))
                .setBaseDirectory(BASE)
                .setServerConfiguration("standalone-full.xml")
                .addJavaOptions("-Xmx512m", "-Djboss.socket.binding.port-offset=" + portOffset);
        server = Launcher.of(command)
                .addEnvironmentVariable("MLPLATFORM_MODELS_DIR", MODELS.toString())
                .addEnvironmentVariable("MLPLATFORM_DATA_DIR", DATA.toString())
                .setRedirectErrorStream(true)
                .redirectOutput(BASE.resolve("console.log"))
                .launch();
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(server.isAlive(), "the server exited; see " + BASE.resolve("console.log"));
            try {
                if (ItSupport.HTTP.send(HttpRequest.newBuilder(base.resolve("api/scorings")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new AssertionError("the server did not deploy the WAR in time; see " + BASE.resolve("console.log"));
    }

    private HttpResponse<String> submit(String json) {
        return send(HttpRequest.newBuilder(base.resolve("api/scorings")).header("Authorization", basic())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        return ItSupport.send(request);
    }

    private static JsonObject awaitStatus(URI execution, Predicate<JsonObject> condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject status = ItSupport.json(ItSupport.get(execution)).asJsonObject();
            if (condition.test(status)) {
                return status;
            }
            if (List.of("FAILED", "STOPPED", "ABANDONED").contains(status.getString("status"))) {
                throw new AssertionError("waiting for " + what + ", the job ended: " + status);
            }
            sleep(100);
        }
        throw new AssertionError("gave up waiting for " + what + " of " + execution);
    }

    private static String basic() {
        String credentials = System.getProperty("it.admin.user") + ":" + System.getProperty("it.admin.password");
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
