package org.mlplatform.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The cluster of ./cluster.sh as a user meets it: the test starts the script itself (its own port offset,
 * a model folder of its own holding a copy of models/data, a cluster folder under target/), kills node
 * JVMs with SIGKILL as a crash would, and stops the whole cluster at the end, also when a test fails.
 * Every figure the issue asks for is printed as a line starting with "[cluster]".
 *
 * Run with: mvn -Pcluster verify (the profile also builds the cluster configuration).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Path PROJECT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    private static final Path WORK = Path.of(System.getProperty("cluster.it.dir", "target/cluster-it")).toAbsolutePath();
    private static final int OFFSET = Integer.getInteger("cluster.port.offset", 3000);
    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(Long.getLong("cluster.boot.timeout.minutes", 25));
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration RESTART_TIMEOUT = Duration.ofMinutes(10);
    /** The cluster issue's goal, reported beside each measured delay: every inference node serves a new version within 2 s. */
    private static final Duration PROPAGATION_GOAL = Duration.ofSeconds(2);
    private static final int LOAD_THREADS = 2;

    private static final Map<String, Integer> NODE_OFFSETS = Map.of(
            "balancer", 0, "inference-1", 100, "inference-2", 200, "builder-1", 300, "builder-2", 400);
    private static final String ROW = "[-1.37,0.20,0.14,1.65,-1.76,-0.78,0.97,-1.11,2.39,-1.18]";
    private static final String PREDICT = "{\"instances\": [" + ROW + "]}";
    private static final Pattern PUBLISHED = Pattern.compile("version (\\d+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Path models;
    private Path clusterDir;
    private Process cluster;
    private long startedAt;
    private String user = "model-automation";
    private String password;
    private String adminPassword;

    // ------------------------------------------------------------------ cluster life cycle

    @BeforeAll
    void startCluster() throws Exception {
        deleteTree(WORK);
        models = WORK.resolve("models");
        clusterDir = WORK.resolve("cluster");
        copyTree(PROJECT.resolve("models/data"), models.resolve("data"));
        Files.createDirectories(clusterDir);
        ProcessBuilder builder = new ProcessBuilder("bash", PROJECT.resolve("cluster.sh").toString(),
                "--no-build", "--port-offset", Integer.toString(OFFSET))
                .redirectErrorStream(true)
                .redirectOutput(WORK.resolve("cluster.sh.log").toFile());
        builder.environment().put("MLPLATFORM_MODELS_DIR", models.toString());
        builder.environment().put("MLPLATFORM_DATA_DIR", models.resolve("data").toString());
        builder.environment().put("MLPLATFORM_CLUSTER_DIR", clusterDir.toString());
        long start = System.nanoTime();
        startedAt = start;
        cluster = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopCluster));
        // Up when the default model (trained through the balancer by cluster.sh) is served through the balancer
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        while (!ready(url("balancer", "v2/models/default/versions/1/ready"))) {
            if (!cluster.isAlive()) {
                List<String> log = Files.readAllLines(WORK.resolve("cluster.sh.log"));
                throw new IllegalStateException("cluster.sh exited with " + cluster.exitValue() + ": "
                        + String.join("\n", log.subList(Math.max(0, log.size() - 10), log.size())));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the cluster did not serve the default model within " + BOOT_TIMEOUT);
            }
            Thread.sleep(2000);
        }
        figure("cluster up, default model served through the balancer after %.0f s (load average %s)",
                seconds(System.nanoTime() - start), loadAverage());
        // ... and by each inference node, so that every test starts from both nodes serving
        for (String inference : List.of("inference-1", "inference-2")) {
            if (Double.isInfinite(awaitServed(inference, "default", 1, System.nanoTime()))) {
                throw new IllegalStateException(inference + " does not serve the default model");
            }
        }
        password = credential("model-automation");
        adminPassword = credential("admin");
    }

    @AfterAll
    void stopCluster() {
        if (cluster == null) {
            return;
        }
        try {
            cluster.destroy(); // SIGTERM: cluster.sh stops every node and PostgreSQL
            if (!cluster.waitFor(3, TimeUnit.MINUTES)) {
                cluster.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Whatever survived (cluster.sh killed itself): node JVMs by their pid files, then PostgreSQL
        for (String node : NODE_OFFSETS.keySet()) {
            long pid = jvmPid(node);
            if (pid > 0) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        Path postmaster = clusterDir.resolve("postgres/data/postmaster.pid");
        try {
            if (Files.exists(postmaster)) {
                long pid = Long.parseLong(Files.readAllLines(postmaster).get(0).trim());
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            }
        } catch (IOException | RuntimeException e) {
            System.out.println("[cluster] could not read " + postmaster + ": " + e);
        }
        cluster = null;
        figure("cluster started, tested and stopped in %.0f s", seconds(System.nanoTime() - startedAt));
    }

    // ------------------------------------------------------------------ 1. propagation

    @Test
    @Order(1)
    void aVersionPublishedByEitherBuilderIsPushedToBothInferenceNodes() throws Exception {
        for (String builderNode : List.of("builder-1", "builder-2")) {
            long execution = startTraining(builderNode, training("propagation", "default", 2));
            Publication publication = awaitPublication("propagation", execution, builderNode);
            for (String inference : List.of("inference-1", "inference-2")) {
                double delay = publication.servedAfter(inference);
                figure("version %d of 'propagation' published by %s: served by %s %.2f s after its folder appeared (goal %d s)",
                        publication.version, builderNode, inference, delay, PROPAGATION_GOAL.toSeconds());
                assertTrue(Double.isFinite(delay), inference + " never served version " + publication.version);
                // The periodic scan would serve it too: the node's log shows the event itself arrived.
                // The delay is a figure for docs/scaling.md, not an assertion: it follows the machine's load.
                assertTrue(awaitLoggedEvent(inference, "propagation", publication.version),
                        inference + " served version " + publication.version + " but received no model event for it");
            }
        }
    }

    /**
     * Whether the node logs the version's model event within a minute. A scan may have served the version
     * just before the event arrived, so the line can come after the version is served.
     */
    private boolean awaitLoggedEvent(String node, String model, int version) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!loggedEvent(node, model, version)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    /** The inference node logs each model event it receives (ModelEventListener) before applying it. */
    private boolean loggedEvent(String node, String model, int version) throws IOException {
        String event = "model event {\"event\":\"version-published\",\"model\":\"" + model + "\",\"version\":" + version + "}";
        // server.log and, past midnight, its rotated copies
        try (Stream<Path> logs = Files.list(clusterDir.resolve("nodes").resolve(node).resolve("log"))) {
            for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("server.log")).toList()) {
                try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
                    if (lines.anyMatch(line -> line.endsWith(event))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ 4. version numbers

    @Test
    @Order(2)
    void twoBuildersPublishingTheSameModelAtOnceNeverShareOrSkipAVersion() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Long>> submissions = new ArrayList<>();
            for (String builderNode : List.of("builder-1", "builder-2", "builder-1", "builder-2")) {
                submissions.add(() -> startTraining(builderNode, training("concurrent", "default", 0)));
            }
            List<Long> executions = new ArrayList<>();
            for (Future<Long> f : pool.invokeAll(submissions)) {
                executions.add(f.get());
            }
            List<Integer> versions = new ArrayList<>();
            for (long id : executions) {
                JsonObject done = awaitExecution(id, "COMPLETED");
                versions.add(publishedVersion(done));
            }
            TreeSet<Integer> distinct = new TreeSet<>(versions);
            figure("4 jobs of model 'concurrent' started at once, 2 on each builder: versions %s", versions);
            assertEquals(List.of(1, 2, 3, 4), new ArrayList<>(distinct), "versions " + versions);
            assertEquals(List.of("1", "2", "3", "4"), versionFolders("concurrent"));
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ 6. throughput and memory

    @Test
    @Order(3)
    void throughputThroughTheBalancerAndStraightToANode() throws Exception {
        Duration run = Duration.ofSeconds(15);
        int threads = 4;
        // Warm-up on both paths
        load(url("inference-1", "api/models/default/predict"), threads, Duration.ofSeconds(3));
        load(url("balancer", "api/models/default/predict"), threads, Duration.ofSeconds(3));
        LoadResult direct = load(url("inference-1", "api/models/default/predict"), threads, run);
        LoadResult balanced = load(url("balancer", "api/models/default/predict"), threads, run);
        figure("predictions, %d threads, %d s each: straight to inference-1 %.0f/s (%d failed), through the balancer %.0f/s (%d failed); ratio %.2f (load average %s)",
                threads, run.toSeconds(), direct.perSecond(), direct.failed, balanced.perSecond(), balanced.failed,
                balanced.perSecond() / direct.perSecond(), loadAverage());
        for (String node : List.of("balancer", "inference-1", "inference-2", "builder-1", "builder-2")) {
            figure("RSS of %s: %d MiB", node, rssKib(jvmPid(node)) / 1024);
        }
        assertEquals(0, direct.failed + balanced.failed, "failed predictions");
    }

    // ------------------------------------------------------------------ 2. inference node killed

    @Test
    @Order(4)
    void killingAnInferenceNodeUnderLoadFailsOnlyRequestsInFlight() throws Exception {
        String victim = "inference-2";
        long oldPid = jvmPid(victim);
        Load load = new Load(url("balancer", "api/models/default/predict"), LOAD_THREADS);
        try {
            Thread.sleep(3000);
            long before = load.ok.get();
            long killedAt = System.nanoTime();
            ProcessHandle.of(oldPid).orElseThrow().destroyForcibly();
            // Until the balancer no longer lists the node as up
            double unrouted = -1;
            long routingDeadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (System.nanoTime() < routingDeadline) {
                String status = balancerNodeStatus(victim);
                if (!"NODE_UP".equals(status)) {
                    unrouted = seconds(System.nanoTime() - killedAt);
                    figure("balancer: %s is %s %.1f s after the kill", victim, status == null ? "gone from its table" : status, unrouted);
                    break;
                }
                Thread.sleep(250);
            }
            // A version published while the node is down (through the balancer, so on either builder)
            long execution = startTraining("balancer", training("default", "default", 2));
            Publication publication = awaitPublication("default", execution, "the balancer");
            figure("default version %d published while %s was down; inference-1 served it after %.2f s",
                    publication.version, victim, publication.servedAfter("inference-1"));
            // The supervisor starts the node again; the first answer of its application must already serve it
            long newPid = awaitNewPid(victim, oldPid);
            long restartedAt = System.nanoTime();
            URI ping = url(victim, "api/ping");
            long deadline = System.nanoTime() + RESTART_TIMEOUT.toNanos();
            while (status(ping) != 200) {
                assertTrue(System.nanoTime() < deadline, victim + " did not answer again");
                Thread.sleep(100);
            }
            boolean servesLatest = ready(url(victim, "v2/models/default/versions/" + publication.version + "/ready"));
            figure("%s started again by the supervisor (pid %d -> %d), its application answered %.0f s after the kill; version %d served at that moment: %s",
                    victim, oldPid, newPid, seconds(System.nanoTime() - killedAt), publication.version, servesLatest);
            assertTrue(servesLatest, victim + " answered before it served version " + publication.version);
            while (!"NODE_UP".equals(balancerNodeStatus(victim)) && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            figure("%s back in the balancer's table %.0f s after its JVM started", victim, seconds(System.nanoTime() - restartedAt));
            Thread.sleep(3000);
            load.stop();
            figure("load through the balancer (%d threads): %d predictions answered (%d before the kill), %d failed: %s (unrouted after %.1f s)",
                    LOAD_THREADS, load.ok.get(), before, load.failed.get(), load.failures, unrouted);
            assertTrue(load.failed.get() <= LOAD_THREADS,
                    "more failures than requests in flight: " + load.failed.get() + " " + load.failures);
        } finally {
            load.stop();
        }
    }

    // ------------------------------------------------------------------ 3 + 5. builder node (and broker member) killed

    @Test
    @Order(5)
    void killingABuilderNodeDuringAJobFailsItsExecutionAndARestartPublishesOnce() throws Exception {
        String victim = "builder-1";
        writeLongDataset(models.resolve("data/long"), 150_000, 20);
        long execution = startTraining(victim, training("long", "long", 5));
        JsonObject running = awaitExecution(execution, "STARTED");
        Thread.sleep(2000);
        long oldPid = jvmPid(victim);
        Load load = new Load(url("balancer", "api/models/default/predict"), LOAD_THREADS);
        try {
            long killedAt = System.nanoTime();
            ProcessHandle.of(oldPid).orElseThrow().destroyForcibly();
            figure("killed %s (pid %d, also an Artemis cluster member) while execution %d was %s",
                    victim, oldPid, execution, running.getString("status"));
            // A training request while the builder is down: through the balancer, it must land on builder-2
            long whileDown = startTraining("balancer", training("while-down", "default", 2));
            // ... and one by JMS, to the queue of the builder still up (each builder consumes the clustered queue)
            sendTrainingMessage("builder-2", training("jms-while-down", "default", 2));
            // Both models are new: their version 1 may be published before we start watching
            Publication publication = awaitPublication("while-down", whileDown, "the balancer while " + victim + " was down", List.of());
            for (String inference : List.of("inference-1", "inference-2")) {
                figure("broker member down: version %d of 'while-down' served by %s %.2f s after its folder appeared",
                        publication.version, inference, publication.servedAfter(inference));
            }
            Publication byMessage = awaitPublication("jms-while-down", -1, "a JMS message while " + victim + " was down", List.of());
            figure("JMS training request sent while %s was down: version %d of 'jms-while-down' published, served by inference-1 (%.2f s after seen)",
                    victim, byMessage.version, byMessage.servedAfter("inference-1"));
            assertEquals(List.of("1"), versionFolders("jms-while-down"), "versions of 'jms-while-down'");
            // Back from the supervisor: the execution it ran is marked FAILED
            awaitNewPid(victim, oldPid);
            JsonObject failed = awaitExecution(execution, "FAILED");
            figure("execution %d marked %s %.0f s after the kill (%s)", execution, failed.getString("status"),
                    seconds(System.nanoTime() - killedAt), failed.getString("failure", ""));
            assertEquals("FAILED", failed.getString("status"));
            load.stop();
            figure("inference through the balancer while %s was down: %d answered, %d failed %s",
                    victim, load.ok.get(), load.failed.get(), load.failures);
            assertEquals(0, load.failed.get(), "predictions failed while a builder node was down: " + load.failures);
            // The execution that failed on builder-1 restarts on builder-2 (the job repository is shared)
            long restarted = restart("builder-2", execution);
            JsonObject done = awaitExecution(restarted, "COMPLETED");
            figure("restart on builder-2 of %d (failed on %s): execution %d %s, %s", execution, victim, restarted,
                    done.getString("status"), done.getString("exitStatus", ""));
            assertEquals("COMPLETED", done.getString("status"));
            assertEquals(List.of("1"), versionFolders("long"), "versions of 'long'");
        } finally {
            load.stop();
        }
    }

    // ------------------------------------------------------------------ helpers: training

    private static String training(String model, String data, int folds) {
        String labels = data + "/train_labels.csv";
        return "{\"model\": \"" + model + "\", \"trainData\": \"" + data + "/train_data.csv\", \"trainLabels\": \""
                + labels + "\", \"cvFolds\": " + folds + "}";
    }

    private long startTraining(String node, String request) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url(node, "builder/api/trainings"))
                .header("Content-Type", "application/json").header("Authorization", basic(user, password))
                .POST(HttpRequest.BodyPublishers.ofString(request)), Duration.ofSeconds(120));
        assertEquals(202, response.statusCode(), "training through " + node + ": " + response.body());
        return PlatformClient.json(response.body()).asJsonObject().getJsonNumber("id").longValue();
    }

    /** Sends the request as a client outside the cluster would: the README's scripts/SendJmsMessage.java. */
    private void sendTrainingMessage(String node, String request) throws Exception {
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        Path client = PROJECT.resolve("wildfly-config/target/server/bin/client/jboss-client.jar");
        Process sender = new ProcessBuilder(javaCommand, "-cp", client.toString(), PROJECT.resolve("scripts/SendJmsMessage.java").toString(),
                "127.0.0.1:" + (8080 + OFFSET + NODE_OFFSETS.get(node)), "jms-sender", credential("jms-sender"),
                "TrainingRequests", request)
                .redirectErrorStream(true).start();
        String output = new String(sender.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(sender.waitFor(2, TimeUnit.MINUTES), "SendJmsMessage did not end");
        assertEquals(0, sender.exitValue(), "SendJmsMessage to " + node + ": " + output);
    }

    private long restart(String node, long execution) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url(node, "builder/api/trainings/" + execution + "/restart"))
                .header("Authorization", basic(user, password)).POST(HttpRequest.BodyPublishers.noBody()), Duration.ofSeconds(120));
        assertEquals(202, response.statusCode(), "restart: " + response.body());
        return PlatformClient.json(response.body()).asJsonObject().getJsonNumber("id").longValue();
    }

    /** Polls the execution through the balancer (the job repository is shared) until it has the status or has ended. */
    private JsonObject awaitExecution(long id, String wanted) throws InterruptedException {
        long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
        JsonObject execution = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(url("balancer", "builder/api/trainings/" + id))
                    .header("Accept", "application/json").GET(), Duration.ofSeconds(30));
            if (response.statusCode() == 200) {
                execution = PlatformClient.json(response.body()).asJsonObject();
                String status = execution.getString("status");
                if (status.equals(wanted) || (!wanted.equals("STARTED") && PlatformClient.ENDED.contains(status))) {
                    return execution;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("execution " + id + " not " + wanted + " within " + JOB_TIMEOUT + ": " + execution);
    }

    private static int publishedVersion(JsonObject execution) {
        Matcher m = PUBLISHED.matcher(execution.getString("exitStatus", ""));
        assertTrue(m.find(), "no published version in " + execution);
        return Integer.parseInt(m.group(1));
    }

    private List<String> versionFolders(String model) throws IOException {
        try (Stream<Path> entries = Files.list(models.resolve(model))) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d+")).sorted(Comparator.comparingInt(Integer::parseInt)).toList();
        }
    }

    /** A version's folder as it appears in the model folder, and when each inference node serves it. */
    private final class Publication {
        final int version;
        final long appearedAt;
        final Map<String, Future<Double>> served;

        Publication(int version, long appearedAt, Map<String, Future<Double>> served) {
            this.version = version;
            this.appearedAt = appearedAt;
            this.served = served;
        }

        double servedAfter(String node) throws Exception {
            return served.get(node).get(2, TimeUnit.MINUTES);
        }
    }

    /**
     * Watches the model folder for the execution's version folder (publishing renames a complete folder into
     * place), then polls both inference nodes directly, in parallel, until each serves that version.
     */
    private Publication awaitPublication(String model, long execution, String where) throws Exception {
        List<String> before = Files.isDirectory(models.resolve(model)) ? versionFolders(model) : List.of();
        return awaitPublication(model, execution, where, before);
    }

    /** As above, for a model that had the given versions; {@code execution} < 0 when the job was started by a message. */
    private Publication awaitPublication(String model, long execution, String where, List<String> before) throws Exception {
        Path modelDir = models.resolve(model);
        long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
        int version = -1;
        long appearedAt = 0;
        while (version < 0) {
            assertTrue(System.nanoTime() < deadline, "no version of " + model + " published through " + where);
            if (Files.isDirectory(modelDir)) {
                for (String folder : versionFolders(model)) {
                    if (!before.contains(folder) && Files.exists(modelDir.resolve(folder).resolve("metadata.json"))) {
                        version = Integer.parseInt(folder);
                        appearedAt = System.nanoTime();
                    }
                }
            }
            if (version < 0) {
                Thread.sleep(10);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        final int v = version;
        final long t0 = appearedAt;
        Map<String, Future<Double>> served = Map.of(
                "inference-1", pool.submit(() -> awaitServed("inference-1", model, v, t0)),
                "inference-2", pool.submit(() -> awaitServed("inference-2", model, v, t0)));
        pool.shutdown();
        if (execution >= 0) {
            JsonObject done = awaitExecution(execution, "COMPLETED");
            assertEquals("COMPLETED", done.getString("status"), "execution " + execution + ": " + done);
            assertEquals(version, publishedVersion(done), "the folder seen is not the execution's version");
        }
        return new Publication(version, appearedAt, served);
    }

    private double awaitServed(String node, String model, int version, long since) throws InterruptedException {
        URI uri = url(node, "v2/models/" + model + "/versions/" + version + "/ready");
        long deadline = since + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (ready(uri)) {
                return seconds(System.nanoTime() - since);
            }
            Thread.sleep(20);
        }
        return Double.POSITIVE_INFINITY;
    }

    // ------------------------------------------------------------------ helpers: load

    private record LoadResult(long ok, long failed, Duration took) {
        double perSecond() {
            return ok * 1000.0 / took.toMillis();
        }
    }

    private LoadResult load(URI uri, int threads, Duration duration) throws InterruptedException {
        Load load = new Load(uri, threads);
        long start = System.nanoTime();
        Thread.sleep(duration.toMillis());
        load.stop();
        return new LoadResult(load.ok.get(), load.failed.get(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** Sequential predictions on each of a few threads until stopped; failures kept with their time. */
    private final class Load {
        final AtomicLong ok = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        final AtomicBoolean running = new AtomicBoolean(true);
        final List<Thread> threads = new ArrayList<>();
        final long start = System.nanoTime();

        Load(URI uri, int count) {
            for (int i = 0; i < count; i++) {
                Thread t = new Thread(() -> {
                    while (running.get()) {
                        String failure;
                        try {
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(PREDICT)).build(), HttpResponse.BodyHandlers.ofString());
                            failure = r.statusCode() == 200 ? null : "HTTP " + r.statusCode();
                        } catch (IOException e) {
                            failure = e.getClass().getSimpleName();
                        } catch (InterruptedException e) {
                            return;
                        }
                        if (failure == null) {
                            ok.incrementAndGet();
                        } else if (running.get()) {
                            failed.incrementAndGet();
                            failures.add(String.format(Locale.ROOT, "%.1fs %s", seconds(System.nanoTime() - start), failure));
                        }
                    }
                }, "load-" + i);
                t.setDaemon(true);
                t.start();
                threads.add(t);
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join(70_000);
            }
        }
    }

    // ------------------------------------------------------------------ helpers: nodes

    private static URI url(String node, String path) {
        return URI.create("http://localhost:" + (8080 + OFFSET + NODE_OFFSETS.get(node)) + "/" + path);
    }

    private long jvmPid(String node) {
        try {
            Path file = clusterDir.resolve("nodes").resolve(node).resolve("jvm.pid");
            return Files.exists(file) ? Long.parseLong(Files.readString(file).trim()) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private long awaitNewPid(String node, long oldPid) throws InterruptedException {
        long deadline = System.nanoTime() + RESTART_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            long pid = jvmPid(node);
            if (pid > 0 && pid != oldPid && ProcessHandle.of(pid).isPresent()) {
                URI started = URI.create("http://localhost:" + (9990 + OFFSET + NODE_OFFSETS.get(node)) + "/health/started");
                if (status(started) == 200) {
                    return pid;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError(node + " was not started again within " + RESTART_TIMEOUT);
    }

    private static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /** The node's status in the balancer's mod_cluster table (NODE_UP, ...), null when it is not listed. */
    private String balancerNodeStatus(String node) {
        String operation = "{\"operation\": \"read-resource\", \"recursive\": true, \"include-runtime\": true, \"address\": "
                + "[{\"subsystem\": \"undertow\"}, {\"configuration\": \"filter\"}, {\"mod-cluster\": \"load-balancer\"}]}";
        try {
            Process curl = new ProcessBuilder("curl", "-s", "--max-time", "10", "--digest", "-u", "admin:" + adminPassword,
                    "-H", "Content-Type: application/json", "-d", operation,
                    "http://localhost:" + (9990 + OFFSET) + "/management").redirectErrorStream(true).start();
            String body = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            curl.waitFor();
            JsonObject result = PlatformClient.json(body).asJsonObject().getJsonObject("result");
            JsonValue balancers = result.get("balancer");
            if (balancers == null || balancers.getValueType() != JsonValue.ValueType.OBJECT) {
                return null;
            }
            for (JsonValue balancer : balancers.asJsonObject().values()) {
                JsonValue nodes = balancer.asJsonObject().get("node");
                if (nodes != null && nodes.getValueType() == JsonValue.ValueType.OBJECT && nodes.asJsonObject().containsKey(node)) {
                    return nodes.asJsonObject().getJsonObject(node).getString("status", "?");
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    // ------------------------------------------------------------------ helpers: HTTP, files

    private boolean ready(URI uri) {
        return status(uri) == 200;
    }

    private int status(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request, Duration timeout) {
        try {
            return http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private String credential(String key) throws IOException {
        return Files.readAllLines(clusterDir.resolve("credentials.txt")).stream()
                .filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1)).findFirst().orElseThrow();
    }

    /** Two classes from a noisy linear rule: a job long enough to be killed in its cross-validation. */
    private static void writeLongDataset(Path dir, int rows, int columns) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(42);
        StringBuilder data = new StringBuilder(rows * columns * 8);
        StringBuilder labels = new StringBuilder(rows * 2);
        for (int i = 0; i < rows; i++) {
            double sum = 0;
            for (int j = 0; j < columns; j++) {
                double x = random.nextGaussian();
                sum += x * (j % 3 - 1);
                data.append(j == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.4f", x));
            }
            data.append('\n');
            labels.append(sum + random.nextGaussian() > 0 ? 1 : 0).append('\n');
        }
        Files.writeString(dir.resolve("train_data.csv"), data);
        Files.writeString(dir.resolve("train_labels.csv"), labels);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static void figure(String format, Object... args) {
        System.out.println("[cluster] " + String.format(Locale.ROOT, format, args));
    }
}
