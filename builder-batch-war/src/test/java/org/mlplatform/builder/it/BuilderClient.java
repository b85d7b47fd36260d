package org.mlplatform.builder.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** HTTP calls to the builder's REST API as a client outside the server makes them. */
final class BuilderClient {

    static final String ADMIN = System.getProperty("it.admin.user") + ":" + System.getProperty("it.admin.password");
    static final String VIEWER = System.getProperty("it.viewer.user") + ":" + System.getProperty("it.viewer.password");

    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(3);

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI api;

    BuilderClient(URL deployment) {
        this.api = URI.create(deployment.toString().replaceAll("/?$", "/") + "api/");
    }

    /** Parses a response body: an object or an array. */
    static JsonStructure json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.read();
        }
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(api.resolve(path)).GET(), null);
    }

    HttpResponse<String> get(URI location) {
        return send(HttpRequest.newBuilder(location).GET(), null);
    }

    HttpResponse<String> post(String path, String json, String credentials) {
        return send(HttpRequest.newBuilder(api.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), credentials);
    }

    /** A POST of the body as the Content-Type given. */
    HttpResponse<String> send(String path, String contentType, String body, String credentials) {
        return send(HttpRequest.newBuilder(api.resolve(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)), credentials);
    }

    HttpResponse<String> put(String path, String json, String credentials) {
        return send(HttpRequest.newBuilder(api.resolve(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), credentials);
    }

    HttpResponse<String> delete(String path, String credentials) {
        return send(HttpRequest.newBuilder(api.resolve(path)).DELETE(), credentials);
    }

    /** A multipart/form-data POST: files by part name, then text fields. */
    HttpResponse<String> postMultipart(String path, Map<String, Path> files, Map<String, String> fields,
                                       String credentials) throws IOException {
        String boundary = "it-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var file : files.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey()
                    + "\"; filename=\"" + file.getValue().getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(Files.readAllBytes(file.getValue()));
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        for (var field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(api.resolve(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), credentials);
    }

    /** One part of a multipart body: a file part when {@code fileName} is given. */
    record Part(String name, String fileName, String contentType, byte[] content) {

        static Part file(String name, String fileName, String content) {
            return new Part(name, fileName, "text/csv", content.getBytes(StandardCharsets.UTF_8));
        }

        static Part json(String name, String content) {
            return new Part(name, null, "application/json", content.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A multipart/form-data POST of the parts in the order given (names may repeat). */
    HttpResponse<String> postParts(String path, java.util.List<Part> parts, String credentials) {
        String boundary = "it-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\""
                    + (part.fileName() == null ? "" : "; filename=\"" + part.fileName() + "\"")
                    + "\r\nContent-Type: " + part.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(api.resolve(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), credentials);
    }

    /** Polls the execution until it has ended (COMPLETED, FAILED, STOPPED, ABANDONED). */
    JsonObject awaitEnd(URI execution) {
        long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = get(execution);
            assertEquals(200, response.statusCode(), response.body());
            JsonObject body = json(response).asJsonObject();
            String status = body.getString("status");
            if (!status.startsWith("START") && !status.equals("STOPPING") && !aStepNotYetRecordedAsEnded(body)) {
                return body;
            }
            pause(200);
        }
        return fail("the training job " + execution + " did not end within " + JOB_TIMEOUT);
    }

    /**
     * JBeret can show a job COMPLETED a moment before it records its last step's end (seen once in CI:
     * announce still STARTED); a completed job is awaited until every step has ended too.
     */
    private static boolean aStepNotYetRecordedAsEnded(JsonObject execution) {
        return "COMPLETED".equals(execution.getString("status")) && execution.containsKey("steps")
                && execution.getJsonArray("steps").getValuesAs(JsonObject.class).stream()
                        .anyMatch(step -> step.getString("status").startsWith("START"));
    }

    JsonObject awaitEnd(long executionId) {
        return awaitEnd(api.resolve("trainings/" + executionId));
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String credentials) {
        if (credentials != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
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
