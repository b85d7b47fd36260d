package org.mlplatform.inference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlplatform.inference.it.ItSupport.get;
import static org.mlplatform.inference.it.ItSupport.json;
import static org.mlplatform.inference.it.ItSupport.post;
import static org.mlplatform.inference.it.ItSupport.send;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mlplatform.inference.testing.ReferenceCase;
import org.mlplatform.inference.testing.TestRepository;

/**
 * Issue 7, part 3: the probe's requests, each answered with a clear 4xx problem, never a 500, a
 * stack trace, HTML or a silent guess. Each test sends the request the probe sent.
 */
@ExtendWith(ArquillianExtension.class)
class RefusalsIT {

    private static final String MODEL = "it-refusals";
    private static final String ROW = "0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1.0";

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        ItSupport.deleteModel(MODEL);
        ReferenceCase seed = ReferenceCase.load("seed", "robust_balanced_C1");
        new TestRepository(ItSupport.modelsDir()).publish(MODEL, 1, seed.onnx(), 10, 2, List.of());
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/inference-rest-war.war"));
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }

    private URI predict() {
        return uri("api/models/" + MODEL + "/predict");
    }

    private URI infer() {
        return uri("v2/models/" + MODEL + "/infer");
    }

    /** A problem+json answer of the status and type, with no trace of Java in it. */
    private static JsonObject assertProblem(HttpResponse<String> response, int status, String kind) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().map() + " " + response.body());
        assertNoTrace(response);
        JsonObject problem = json(response).asJsonObject();
        assertEquals(status, problem.getInt("status"), response.body());
        assertEquals("urn:mlplatform:problem:" + kind, problem.getString("type"), response.body());
        return problem;
    }

    private static void assertNoTrace(HttpResponse<String> response) {
        for (String leak : new String[] {"Exception", "RESTEASY", "\tat ", "at org.", "<html"}) {
            assertFalse(response.body().contains(leak), "leaks '" + leak + "': " + response.body());
        }
    }

    private static String oip(String shape, String data) {
        return "{\"inputs\":[{\"name\":\"input\",\"shape\":" + shape + ",\"datatype\":\"FP32\",\"data\":" + data + "}]}";
    }

    /** Item 1: curl -H 'Authorization: Basic !!!' $P/api/ping */
    @Test
    void aMalformedBasicHeaderIsA400ProblemOnPublicAndProtectedUrls() {
        for (URI target : List.of(uri("api/ping"), uri("api/models"), uri("nowhere"))) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(target).header("Authorization", "Basic !!!"));
            JsonObject problem = assertProblem(response, 400, "invalid-request");
            assertTrue(problem.getString("detail").contains("Authorization"), response.body());
        }
        HttpResponse<String> reload = send(HttpRequest.newBuilder(uri("api/models/" + MODEL + "/reload"))
                .header("Authorization", "Basic !!!").POST(HttpRequest.BodyPublishers.noBody()));
        assertProblem(reload, 400, "invalid-request");
    }

    /** Item 2: JSON nested deeper than 1,000 levels on the OIP endpoints. */
    @Test
    void deepNestingOnTheOipIsA400() {
        String deep = "[".repeat(1_100) + "]".repeat(1_100);
        for (URI target : List.of(infer(), uri("v2/models/" + MODEL + "/versions/1/infer"))) {
            HttpResponse<String> response = post(target, "application/json", oip("[1,10]", deep));
            assertEquals(400, response.statusCode(), response.body());
            assertTrue(json(response).asJsonObject().getString("error").contains("nested"), response.body());
            assertNoTrace(response);
        }
    }

    /** Item 3: OIP shape [1.5,10] and numbers beyond int32. */
    @Test
    void oipShapeMembersMustBeIntegersInRange() {
        for (String shape : List.of("[1.5,10]", "[1,10.5]", "[4294967297,10]", "[1,4294967306]")) {
            HttpResponse<String> response = post(infer(), "application/json", oip(shape, "[" + ROW + "]"));
            assertEquals(400, response.statusCode(), shape + " " + response.body());
            assertTrue(json(response).asJsonObject().getString("error").contains("shape"), response.body());
        }
        assertEquals(200, post(infer(), "application/json", oip("[1,10]", "[" + ROW + "]")).statusCode());
    }

    /** Item 6: a chunked multipart upload over the limit, and a declared length over the server's 64 MiB. */
    @Test
    void bodiesOverTheLimitsAre413ProblemsNamingTheLimit() {
        String boundary = "it-limit";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        long size = 20L * 1024 * 1024;
        // No length: the JDK client sends it chunked, as the probe's upload did
        HttpResponse<String> chunked = send(HttpRequest.newBuilder(predict())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.SequenceInputStream(
                        new ByteArrayInputStream(head), new RepeatingRows(size)))));
        JsonObject problem = assertProblem(chunked, 413, "request-too-large");
        assertTrue(problem.getString("detail").contains("mlplatform.inference.max-body-bytes"), chunked.body());

        HttpResponse<String> declared = ItSupport.announceOversizedBody(predict(), "text/csv", 70L * 1024 * 1024);
        problem = assertProblem(declared, 413, "request-too-large");
        assertTrue(problem.getString("detail").contains("67108864"), declared.body());
    }

    /** Item 7: no Content-Type, multipart without boundary, a garbage Content-Type; the OIP's list. */
    @Test
    void unusableContentTypesAre415ListingWhatIsAccepted() {
        HttpResponse<String> none = send(HttpRequest.newBuilder(predict()).POST(HttpRequest.BodyPublishers.ofString(ROW)));
        JsonObject problem = assertProblem(none, 415, "unsupported-media-type");
        assertTrue(problem.getString("detail").contains("text/csv") && problem.getString("detail").contains("multipart/form-data"),
                none.body());
        assertProblem(post(predict(), "multipart/form-data", ROW), 415, "unsupported-media-type");
        assertProblem(post(predict(), "garbage", ROW), 415, "unsupported-media-type");
        assertProblem(post(predict(), "text/plain", ROW), 415, "unsupported-media-type");

        HttpResponse<String> oipCsv = post(infer(), "text/csv", ROW);
        assertEquals(415, oipCsv.statusCode(), oipCsv.body());
        String error = json(oipCsv).asJsonObject().getString("error");
        assertTrue(error.contains("application/json"), error);
        assertFalse(error.contains("text/csv") || error.contains("multipart"), "the OIP takes JSON only: " + error);
        assertEquals(415, post(infer(), "garbage", "{}").statusCode());
    }

    /** Item 8: trailing garbage, a second document, duplicate instances, two file parts; RFC 4180 quotes. */
    @Test
    void ambiguousBodiesAreRefusedAndQuotedCsvIsRead() {
        String one = "{\"instances\":[[" + ROW + "]]}";
        assertProblem(post(predict(), "application/json", one + " garbage"), 400, "invalid-request");
        assertProblem(post(predict(), "application/json", one + one), 400, "invalid-request");
        assertProblem(post(predict(), "application/json", "{\"instances\":[[" + ROW + "]],\"instances\":[[" + ROW + "]]}"),
                400, "invalid-request");
        assertEquals(400, post(infer(), "application/json", oip("[1,10]", "[" + ROW + "]") + "{}").statusCode());

        String part = "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + ROW + "\r\n";
        JsonObject twoFiles = assertProblem(post(predict(), "multipart/form-data; boundary=x", part + part + "--x--\r\n"),
                400, "invalid-request");
        assertTrue(twoFiles.getString("detail").contains("file"), twoFiles.toString());

        String quoted = "\"" + ROW.replace(",", "\",\"") + "\"\n";
        HttpResponse<String> answer = post(predict(), "text/csv", quoted);
        assertEquals(200, answer.statusCode(), "a single quoted row of numbers is data: " + answer.body());
        assertEquals(1, json(answer).asJsonObject().getJsonArray("predictions").size());
        assertEquals(json(post(predict(), "text/csv", ROW + "\n")).asJsonObject().getJsonArray("probabilities"),
                json(answer).asJsonObject().getJsonArray("probabilities"), "quoted numbers are the same numbers");
    }

    /** Item 9: one status and one problem type per kind of mistake, also where the server answers itself. */
    @Test
    void theSameMistakeGetsTheSameAnswerEverywhere() {
        String one = "{\"instances\":[[" + ROW + "]]}";
        // titles as the builder words the same mistakes (its BuilderServiceIT): the type's own, or for a 400 the mistake
        assertEquals("Invalid version", assertProblem(get(uri("api/models/" + MODEL + "/versions/-1")), 400, "invalid-request")
                .getString("title"));
        assertEquals("Invalid version", assertProblem(post(URI.create(predict() + "?version=-1"), "application/json", one), 400,
                "invalid-request").getString("title"));
        assertEquals(400, get(uri("v2/models/" + MODEL + "/versions/-1")).statusCode());
        assertEquals("Malformed JSON", assertProblem(post(predict(), "application/json", one + " garbage"), 400, "invalid-request")
                .getString("title"));

        assertProblem(get(uri("api/models/" + MODEL + "/versions/abc")), 404, "not-found");
        assertProblem(post(URI.create(predict() + "?version=abc"), "application/json", one), 404, "not-found");
        assertEquals("Not Found", assertProblem(get(uri("api/models/" + MODEL + "/versions/7")), 404, "not-found").getString("title"));
        assertEquals("Not Found", assertProblem(get(uri("api/models/no-such-model")), 404, "not-found").getString("title"));
        assertEquals("Not Found", assertProblem(get(uri("nowhere/at/all")), 404, "not-found").getString("title"));
        assertEquals("Method Not Allowed", assertProblem(send(HttpRequest.newBuilder(uri("api/ping")).DELETE()), 405,
                "method-not-allowed").getString("title"));

        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri("api/models/" + MODEL + "/reload"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertProblem(anonymous, 401, "unauthorized");
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
    }

    /** Items 9 and 14: a wrong password is a problem+json 401 that says the account may be locked. */
    @Test
    void aWrongPasswordIsAProblemThatMentionsTheLockout() {
        // A user of its own: wrong passwords count towards Elytron's lockout of that user
        String credentials = Base64.getEncoder().encodeToString("it-nobody:wrong".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(uri("api/models/" + MODEL + "/reload"))
                .header("Authorization", "Basic " + credentials).POST(HttpRequest.BodyPublishers.noBody()));
        JsonObject problem = assertProblem(wrong, 401, "unauthorized");
        assertTrue(problem.getString("detail").contains("locked"), wrong.body());
        assertTrue(wrong.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
    }

    /**
     * Item 14: the lockout is kept, configurable (security.cli reads MLPLATFORM_LOGIN_MAX_FAILURES, 3 for
     * these tests) and per user: after the failures the right password is refused too, with a body that
     * says so, while another user of the same role still gets in.
     */
    @Test
    void wrongPasswordsLockOutOnlyTheirOwnUser() {
        URI reload = uri("api/models/" + MODEL + "/reload");
        for (int i = 0; i < 3; i++) {
            assertEquals(401, send(basic(HttpRequest.newBuilder(reload), "it-lockout:wrong-" + i)).statusCode());
        }
        HttpResponse<String> locked = send(basic(HttpRequest.newBuilder(reload), "it-lockout:it-lockout-test-only"));
        JsonObject problem = assertProblem(locked, 401, "unauthorized");
        assertTrue(problem.getString("detail").contains("locked"), locked.body());
        String admin = System.getProperty("it.admin.user") + ":" + System.getProperty("it.admin.password");
        assertEquals(200, send(basic(HttpRequest.newBuilder(reload), admin)).statusCode(), "another user is not locked out");
    }

    private static HttpRequest.Builder basic(HttpRequest.Builder request, String credentials) {
        return request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody());
    }

    /** Item 11: an unauthenticated reload is refused without an ERROR and stack trace in the server log. */
    @Test
    void refusedReloadsAreNotLoggedAsErrors() throws IOException {
        Path log = Path.of(System.getProperty("it.server.base.dir"), "log", "server.log");
        long before = Files.size(log);
        for (int i = 0; i < 3; i++) {
            assertEquals(401, send(HttpRequest.newBuilder(uri("api/models/" + MODEL + "/reload"))
                    .POST(HttpRequest.BodyPublishers.noBody())).statusCode());
        }
        assertEquals(200, get(uri("api/ping")).statusCode());
        String written = Files.readString(log).substring((int) before);
        assertFalse(written.contains("ERROR"), written);
        assertFalse(written.contains("EJBAccessException"), written);
    }

    /** Item 15: a body shorter than its Content-Length no longer holds the connection for 30 s or more. */
    @Test
    void aStalledBodyLosesTheConnectionWithinTheReadTimeout() throws IOException {
        URI target = predict();
        try (Socket socket = new Socket(target.getHost(), target.getPort())) {
            socket.setSoTimeout(25_000);
            String head = "POST " + target.getRawPath() + " HTTP/1.1\r\nHost: " + target.getHost() + "\r\nContent-Type: text/csv\r\n"
                    + "Content-Length: 1000\r\n\r\n" + ROW;
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            long start = System.nanoTime();
            try {
                socket.getInputStream().readAllBytes();
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the server still held the connection after 25 s", e);
            }
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertTrue(seconds < 25, "connection released after " + seconds + " s");
        }
    }

    /** An endless supply of CSV rows, {@code size} bytes in all. */
    private static final class RepeatingRows extends InputStream {

        private final byte[] row = (ROW + "\n").getBytes(StandardCharsets.US_ASCII);
        private long remaining;
        private int at;

        RepeatingRows(long size) {
            this.remaining = size;
        }

        @Override
        public int read() {
            if (remaining == 0) {
                return -1;
            }
            remaining--;
            int b = row[at];
            at = (at + 1) % row.length;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(length, remaining);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = row[at];
                at = (at + 1) % row.length;
            }
            remaining -= n;
            return n;
        }
    }
}
