package org.mlplatform.builder.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 7, part 3, items 1, 6, 9, 13, 14: what the server answers itself for the builder (the BASIC login's
 * 401, 404 outside the API, a malformed Authorization header) is application/problem+json, a body over
 * the builder's limit is a 413 problem naming it, also chunked, and the unauthenticated health endpoint
 * shows no absolute path. Client side only.
 */
@ExtendWith(ArquillianExtension.class)
class ServerAnswersIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/builder-batch-war.war"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }

    private static JsonObject assertProblem(HttpResponse<String> response, int status, String kind) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().map() + " " + response.body());
        assertFalse(response.body().contains("Exception") || response.body().contains("<html"), response.body());
        JsonObject problem = Json.createReader(new StringReader(response.body())).readObject();
        assertEquals(status, problem.getInt("status"));
        assertEquals("urn:mlplatform:problem:" + kind, problem.getString("type"), response.body());
        return problem;
    }

    @Test
    void theLoginsAnswersAreProblemsAndAWrongPasswordMentionsTheLockout() throws Exception {
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri("api/trainings"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertProblem(anonymous, 401, "unauthorized");
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));

        // A user of its own: wrong passwords count towards Elytron's lockout of that user
        String wrong = Base64.getEncoder().encodeToString("it-nobody:wrong".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("api/trainings")).header("Authorization", "Basic " + wrong)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertTrue(assertProblem(refused, 401, "unauthorized").getString("detail").contains("locked"), refused.body());
    }

    @Test
    void outsideTheApiAndAMalformedAuthorizationHeader() throws Exception {
        assertProblem(send(HttpRequest.newBuilder(uri("nowhere"))), 404, "not-found");
        assertProblem(send(HttpRequest.newBuilder(uri("api/models")).header("Authorization", "Basic !!!")), 400, "invalid-request");
    }

    /**
     * Item 6: chunked bodies over mlplatform.builder.max-body-bytes (64 MiB) that the server's Content-Length
     * filter cannot see: a multipart upload whose one part is larger than RESTEasy's default 50 MB part
     * threshold (the probe's upload of that size to predict got a 500), and a JSON body. Streamed, nothing
     * held in memory.
     */
    @Test
    void chunkedBodiesOverTheLimitAre413ProblemsNamingTheLimit() throws Exception {
        long overTheLimit = 64L * 1024 * 1024 + 1024 * 1024;
        String boundary = "it-limit";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"trainData\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> upload = send(asAdmin(HttpRequest.newBuilder(uri("api/trainings")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                        new ByteArrayInputStream(head), new RepeatingRows("0.5,0.25,1\n", overTheLimit)))));
        JsonObject problem = assertProblem(upload, 413, "request-too-large");
        assertEquals("Request too large", problem.getString("title"));
        assertTrue(problem.getString("detail").contains("67108864 bytes (mlplatform.builder.max-body-bytes)"), upload.body());

        HttpResponse<String> json = send(asAdmin(HttpRequest.newBuilder(uri("api/trainings")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                        new ByteArrayInputStream("{\"model\": \"".getBytes(StandardCharsets.US_ASCII)),
                        new RepeatingRows("x", overTheLimit)))));
        problem = assertProblem(json, 413, "request-too-large");
        assertTrue(problem.getString("detail").contains("mlplatform.builder.max-body-bytes"), json.body());
    }

    /**
     * Item 6: a multipart part larger than RESTEasy's default 50 MB part threshold but within the builder's
     * limit (a 60 MiB training file, chunked) is read, not a 500: the builder's answer is about the request
     * (here 400, trainLabels missing), and the refused upload is removed.
     */
    @Test
    void aLargePartWithinTheLimitIsReadNotA500() throws Exception {
        String boundary = "it-large";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"trainData\"; filename=\"large.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nlarge\r\n--"
                + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> upload = send(asAdmin(HttpRequest.newBuilder(uri("api/trainings")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(java.util.Collections.enumeration(
                        java.util.List.of(new ByteArrayInputStream(head), new RepeatingRows("0.5,0.25,1\n", 60L * 1024 * 1024),
                                new ByteArrayInputStream(tail)))))));
        JsonObject problem = assertProblem(upload, 400, "invalid-request");
        assertEquals("Invalid training request", problem.getString("title"), upload.body());
    }

    private static HttpRequest.Builder asAdmin(HttpRequest.Builder request) {
        String credentials = System.getProperty("it.admin.user") + ":" + System.getProperty("it.admin.password");
        return request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readinessShowsNoAbsolutePath() throws Exception {
        int managementPort = Integer.parseInt(System.getProperty("it.management.port", "10090"));
        HttpResponse<String> health = send(HttpRequest.newBuilder(URI.create("http://" + base.getHost() + ":" + managementPort + "/health/ready")));
        assertTrue(health.body().contains("model-folder"), health.body());
        String models = Path.of(System.getenv().getOrDefault("MLPLATFORM_MODELS_DIR", "target/it-models")).toAbsolutePath().toString();
        assertFalse(health.body().contains(models), health.body());
        assertFalse(health.body().contains(Path.of("").toAbsolutePath().toString()), health.body());
    }

    /** The same text again and again, {@code size} bytes in all: a large body without holding it. */
    private static final class RepeatingRows extends InputStream {

        private final byte[] text;
        private long remaining;
        private int at;

        RepeatingRows(String text, long size) {
            this.text = text.getBytes(StandardCharsets.US_ASCII);
            this.remaining = size;
        }

        @Override
        public int read() {
            if (remaining == 0) {
                return -1;
            }
            remaining--;
            int b = text[at];
            at = (at + 1) % text.length;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(length, remaining);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = text[at];
                at = (at + 1) % text.length;
            }
            remaining -= n;
            return n;
        }
    }
}
