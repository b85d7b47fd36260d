package org.mlplatform.system;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

/** The two services' REST APIs, called over HTTP as ./run.sh's own start-up calls them. */
final class PlatformClient {

    static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String authorization;

    PlatformClient(URI base, String user, String password) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json").GET());
    }

    JsonStructure getJson(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return json(response.body());
    }

    /** Starts a training job as the model-admin user; returns the execution id. */
    long startTraining(String requestJson) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("builder/api/trainings"))
                .header("Content-Type", "application/json").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(requestJson)));
        if (response.statusCode() != 202) {
            throw new IllegalStateException("the training was not accepted: " + response.statusCode() + " " + response.body());
        }
        return json(response.body()).asJsonObject().getJsonNumber("id").longValue();
    }

    /** The execution once its status passes the test, or the last one seen when the time is up. */
    JsonObject awaitExecution(long id, Predicate<String> status, Duration timeout) throws InterruptedException {
        return await("builder/api/trainings/" + id, status, timeout);
    }

    /** The scoring execution (inference service) once its status passes the test, or the last one seen when the time is up. */
    JsonObject awaitScoring(long id, Predicate<String> status, Duration timeout) throws InterruptedException {
        return await("api/scorings/" + id, status, timeout);
    }

    /**
     * The id of the job instance's execution after {@code previous} (a restart), once the scorings list
     * shows it; the restart action of the admin console does not answer with the new id.
     */
    long awaitLatestScoringOf(long instanceId, long previous, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<JsonObject> restart = getJson("api/scorings").asJsonArray().getValuesAs(JsonObject.class).stream()
                    .filter(e -> e.getJsonNumber("instanceId").longValue() == instanceId && e.getJsonNumber("id").longValue() > previous)
                    .findFirst();
            if (restart.isPresent()) {
                return restart.get().getJsonNumber("id").longValue();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no restart of scoring execution " + previous + " (job instance " + instanceId + ") within " + timeout);
    }

    /** The ids of the executions a list ({@code builder/api/trainings}, {@code api/scorings}) shows. */
    Set<Long> executionIds(String listPath) {
        return getJson(listPath).asJsonArray().getValuesAs(JsonObject.class).stream()
                .map(e -> e.getJsonNumber("id").longValue()).collect(Collectors.toSet());
    }

    /**
     * The id of the execution the list shows once it shows one that was not among {@code before}: a job
     * just started by other means than this client (the admin console), one at a time.
     */
    long awaitNewExecution(String listPath, Set<Long> before, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Set<Long> added = new TreeSet<>(executionIds(listPath));
            added.removeAll(before);
            if (added.size() > 1) {
                throw new AssertionError("more than one new execution in " + listPath + ": " + added);
            }
            if (!added.isEmpty()) {
                return added.iterator().next();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no new execution in " + listPath + " within " + timeout + " (there were " + before + ")");
    }

    private JsonObject await(String path, Predicate<String> status, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        JsonObject execution = getJson(path).asJsonObject();
        while (!status.test(execution.getString("status")) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            execution = getJson(path).asJsonObject();
        }
        return execution;
    }

    /** Waits until GET path answers 200 (e.g. a version the inference service has loaded). */
    boolean awaitOk(String path, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (get(path).statusCode() == 200) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    static JsonStructure json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.read();
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
