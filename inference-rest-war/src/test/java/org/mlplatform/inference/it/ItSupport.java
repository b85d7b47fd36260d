package org.mlplatform.inference.it;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonStructure;
import jakarta.json.JsonReader;

/** HTTP and model-folder helpers shared by the ITs (client side). */
final class ItSupport {

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    private ItSupport() {
    }

    static Path modelsDir() {
        return Path.of(System.getenv().getOrDefault("MLPLATFORM_MODELS_DIR", "target/it-models"));
    }

    static void deleteModel(String model) {
        deleteTree(modelsDir().resolve(model));
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Announces a body of {@code length} bytes with {@code Expect: 100-continue}, as careful clients
     * do for large uploads, and returns the server's answer without sending the body. (The JDK 17
     * HttpClient hangs when a 100-continue request is refused, so this speaks HTTP/1.1 on a socket.)
     */
    static HttpResponse<String> announceOversizedBody(URI uri, String contentType, long length) {
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(60_000);
            String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length
                    + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return RawResponse.parse(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri));
    }

    static HttpResponse<String> post(URI uri, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static JsonStructure json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.read();
        }
    }

    /** Polls until the condition holds; fails after a generous bound (a liveness limit, not a speed assertion). */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting: " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting: " + what);
            }
        }
    }
}
