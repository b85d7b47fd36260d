package org.mlplatform.inference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlplatform.inference.it.ItSupport.await;
import static org.mlplatform.inference.it.ItSupport.get;
import static org.mlplatform.inference.it.ItSupport.json;
import static org.mlplatform.inference.it.ItSupport.post;
import static org.mlplatform.inference.it.ItSupport.send;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.json.JsonArray;
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

/** The score-file job driven over REST, as a client would: results, bad rows, refused requests. */
@ExtendWith(ArquillianExtension.class)
class ScoringsIT {

    private static final String MODEL = "it-score";
    private static final String NAMED = "it-score-named";
    private static final List<String> NAMES = IntStream.range(0, 10).mapToObj(i -> "f" + i).toList();

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        TestRepository repository = new TestRepository(ItSupport.modelsDir());
        ItSupport.deleteModel(MODEL);
        ItSupport.deleteModel(NAMED);
        repository.publish(MODEL, 1, ReferenceCase.load("seed", "robust_balanced_C1").onnx(), 10, 2, List.of());
        repository.publish(MODEL, 2, ReferenceCase.load("seed", "raw_C1").onnx(), 10, 2, List.of());
        repository.setAlias(MODEL, "production", 1);
        repository.publish(NAMED, 1, ReferenceCase.load("seed", "standard_C1").onnx(), 10, 2, NAMES);
        ItSupport.deleteTree(dataDir().resolve("score"));
        ItSupport.deleteTree(dataDir().resolve("scorings"));
        Files.createDirectories(dataDir().resolve("score"));
        Files.writeString(dataDir().resolve("score/test.csv"), testCsv());
        Files.writeString(dataDir().resolve("score/named.csv"), String.join(",", NAMES) + "\r\n" + testCsv().replace("\n", "\r\n"));
        List<String> lines = testCsv().lines().limit(8).collect(Collectors.toList());
        String[] cells = lines.get(4).split(",");
        cells[2] = "abc";
        lines.set(4, String.join(",", cells));
        Files.writeString(dataDir().resolve("score/bad.csv"), String.join("\n", lines) + "\n");
        StringBuilder many = new StringBuilder();
        List<String> test = testCsv().lines().toList();
        for (int i = 0; i < 100; i++) {
            test.forEach(line -> many.append(line).append('\n'));
        }
        Files.writeString(dataDir().resolve("score/many.csv"), many);
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/inference-rest-war.war"));
    }

    static Path dataDir() {
        return Path.of(System.getenv().getOrDefault("MLPLATFORM_DATA_DIR", "target/it-data"));
    }

    private static String testCsv() throws IOException {
        return Files.readString(ReferenceCase.load("seed", "robust_balanced_C1").testDataFile());
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }

    private static String basic() {
        String credentials = System.getProperty("it.admin.user") + ":" + System.getProperty("it.admin.password");
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> submit(String json) {
        return send(HttpRequest.newBuilder(uri("api/scorings")).header("Authorization", basic())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Submits, expects 202 with a Location, and waits for the execution to end. */
    private JsonObject run(String json) {
        HttpResponse<String> accepted = submit(json);
        assertEquals(202, accepted.statusCode(), accepted.body());
        URI location = URI.create(accepted.headers().firstValue("Location").orElseThrow());
        JsonObject[] status = new JsonObject[1];
        await("scoring execution " + location + " ends", () -> {
            status[0] = json(get(location)).asJsonObject();
            return List.of("COMPLETED", "FAILED", "STOPPED").contains(status[0].getString("status"));
        });
        return status[0];
    }

    @Test
    void aScoredFileHoldsEveryRowInOrderWithTheLabelsAndProbabilitiesOfTheRestApi() throws IOException {
        JsonObject status = run("{\"model\": \"" + MODEL + "\", \"version\": \"production\", \"input\": \"score/test.csv\","
                + " \"checkpointRows\": 7, \"batchRows\": 3}");
        assertEquals("COMPLETED", status.getString("status"), status.toString());
        assertEquals(1, status.getInt("version"), "the alias production points at version 1");
        assertEquals(80, status.getJsonNumber("rowsDone").longValue());
        assertEquals(80, status.getJsonNumber("rowsTotal").longValue());
        assertTrue(status.getBoolean("outputReady"));
        String output = status.getString("output");
        assertTrue(output.startsWith("scorings/test." + MODEL + "-v1."), output);

        List<String> lines = Files.readAllLines(dataDir().resolve(output));
        assertEquals("row,label,p_0,p_1", lines.get(0));
        JsonObject rest = json(post(uri("api/models/" + MODEL + "/predict?version=1"), "text/csv", testCsv())).asJsonObject();
        JsonArray labels = rest.getJsonArray("predictions");
        JsonArray probabilities = rest.getJsonArray("probabilities");
        assertEquals(81, lines.size());
        for (int i = 0; i < 80; i++) {
            String[] cells = lines.get(i + 1).split(",");
            assertEquals(Integer.toString(i + 1), cells[0], "row number");
            assertEquals(labels.getJsonNumber(i).longValue(), Long.parseLong(cells[1]), "label of row " + (i + 1));
            for (int k = 0; k < 2; k++) {
                assertEquals((float) probabilities.getJsonArray(i).getJsonNumber(k).doubleValue(), Float.parseFloat(cells[2 + k]),
                        "p_" + k + " of row " + (i + 1));
            }
        }
    }

    @Test
    void theTrainingHeaderIsAcceptedAndTheInputColumnsCanBeRepeated() throws IOException {
        JsonObject status = run("{\"model\": \"" + NAMED + "\", \"input\": \"score/named.csv\", \"includeInput\": true,"
                + " \"output\": \"score/out/named-scored.csv\"}");
        assertEquals("COMPLETED", status.getString("status"), status.toString());
        assertEquals("score/out/named-scored.csv", status.getString("output"));
        List<String> lines = Files.readAllLines(dataDir().resolve("score/out/named-scored.csv"));
        assertEquals("row," + String.join(",", NAMES) + ",label,p_0,p_1", lines.get(0));
        List<String> input = testCsv().lines().toList();
        assertEquals(input.size() + 1, lines.size());
        assertTrue(lines.get(1).startsWith("1," + input.get(0) + ","), lines.get(1));
        assertTrue(lines.get(80).startsWith("80," + input.get(79) + ","), lines.get(80));
    }

    @Test
    void aBadRowFailsTheJobNamingFileLineAndColumnAndLeavesNoOutput() {
        JsonObject status = run("{\"model\": \"" + MODEL + "\", \"input\": \"score/bad.csv\", \"checkpointRows\": 2, \"batchRows\": 1}");
        assertEquals("FAILED", status.getString("status"), status.toString());
        assertEquals("score: score/bad.csv line 5, column 3: 'abc' is not a number", status.getString("failure"));
        assertFalse(status.getBoolean("outputReady"));
        assertFalse(Files.exists(dataDir().resolve(status.getString("output"))), "a failed job left an output file");
    }

    @Test
    void skippedRowsGoToTheRejectedFileAndAreCounted() throws IOException {
        JsonObject status = run("{\"model\": \"" + MODEL + "\", \"input\": \"score/bad.csv\", \"badRows\": \"skip\"}");
        assertEquals("COMPLETED", status.getString("status"), status.toString());
        assertEquals(1, status.getJsonNumber("rowsRejected").longValue());
        assertEquals(8, status.getJsonNumber("rowsDone").longValue());
        assertEquals(8, status.getJsonNumber("rowsTotal").longValue(), "a rejected row is a row of the input");
        List<String> output = Files.readAllLines(dataDir().resolve(status.getString("output")));
        assertEquals(List.of("1", "2", "3", "4", "6", "7", "8"), output.stream().skip(1).map(line -> line.split(",")[0]).toList());
        List<String> rejected = Files.readAllLines(dataDir().resolve(status.getString("rejectedOutput")));
        assertEquals("line,row,column,reason,text", rejected.get(0));
        assertTrue(rejected.get(1).startsWith("5,5,3,'abc' is not a number,"), rejected.get(1));
        assertEquals(2, rejected.size());
    }

    @Test
    void aCompletedJobWhoseRowsWereNeverCountedReportsItsRowsDoneAsTheTotal() {
        JsonObject status = run("{\"model\": \"" + MODEL + "\", \"input\": \"score/bad.csv\", \"badRows\": \"skip\"}");
        assertEquals("COMPLETED", status.getString("status"), status.toString());
        // As a job planned by a server that did not count rows yet left its work folder
        Path count = Path.of(System.getProperty("it.server.base.dir"), "data", "mlplatform", "scoring-jobs",
                Long.toString(status.getJsonNumber("instanceId").longValue()), "total-rows");
        assertTrue(count.toFile().delete(), "no row count at " + count);
        JsonObject described = json(get(uri("api/scorings/" + status.getJsonNumber("id").longValue()))).asJsonObject();
        assertEquals(8, described.getJsonNumber("rowsTotal").longValue(), described.toString());
    }

    @Test
    void aStoppedJobLeavesNoOutputAndItsRestartResumesAtTheLastCheckpoint() throws IOException {
        HttpResponse<String> accepted = submit("{\"model\": \"" + MODEL + "\", \"input\": \"score/many.csv\", \"checkpointRows\": 500,"
                + " \"batchRows\": 100, \"maxRowsPerSecond\": 1000}");
        assertEquals(202, accepted.statusCode(), accepted.body());
        URI execution = URI.create(accepted.headers().firstValue("Location").orElseThrow());
        await("1,000 rows done", () -> json(get(execution)).asJsonObject().getJsonNumber("rowsDone").longValue() >= 1000);
        HttpResponse<String> stop = send(HttpRequest.newBuilder(URI.create(execution + "/stop")).header("Authorization", basic())
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(202, stop.statusCode(), stop.body());
        JsonObject[] stopped = new JsonObject[1];
        await("stopped", () -> "STOPPED".equals((stopped[0] = json(get(execution)).asJsonObject()).getString("status")));
        assertFalse(stopped[0].getBoolean("outputReady"));
        assertFalse(Files.exists(dataDir().resolve(stopped[0].getString("output"))), "a stopped job left an output file");

        HttpResponse<String> restarted = send(HttpRequest.newBuilder(URI.create(execution + "/restart")).header("Authorization", basic())
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(202, restarted.statusCode(), restarted.body());
        URI second = URI.create(restarted.headers().firstValue("Location").orElseThrow());
        JsonObject[] done = new JsonObject[1];
        await("restarted job completes", () -> "COMPLETED".equals((done[0] = json(get(second)).asJsonObject()).getString("status")));
        // A stop ends the chunk at once and commits it: the restart goes on exactly where the stopped execution ended
        assertTrue(done[0].getJsonNumber("resumedAtRow").longValue() >= 1000, done[0].toString());
        assertEquals(stopped[0].getJsonNumber("rowsDone").longValue(), done[0].getJsonNumber("resumedAtRow").longValue(), done[0].toString());
        List<String> output = Files.readAllLines(dataDir().resolve(done[0].getString("output")));
        assertEquals(8001, output.size());
        assertEquals(8000, done[0].getJsonNumber("rowsTotal").longValue());
        for (int i = 1; i <= 8000; i++) {
            assertTrue(output.get(i).startsWith(i + ","), "line " + i + ": " + output.get(i));
        }
        HttpResponse<String> again = send(HttpRequest.newBuilder(URI.create(second + "/restart")).header("Authorization", basic())
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertProblem(again, 409, null);
        HttpResponse<String> stopEnded = send(HttpRequest.newBuilder(URI.create(second + "/stop")).header("Authorization", basic())
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertProblem(stopEnded, 409, null);
    }

    @Test
    void anUploadedFileIsStoredInTheDataFolderAndScored() throws IOException {
        String boundary = "scoring-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\n" + MODEL + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"parameters\"\r\nContent-Type: application/json\r\n\r\n"
                + "{\"version\": 2}\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"input\"; filename=\"rows.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + testCsv() + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> accepted = send(HttpRequest.newBuilder(uri("api/scorings")).header("Authorization", basic())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(202, accepted.statusCode(), accepted.body());
        URI execution = URI.create(accepted.headers().firstValue("Location").orElseThrow());
        JsonObject[] done = new JsonObject[1];
        await("upload job completes", () -> List.of("COMPLETED", "FAILED").contains((done[0] = json(get(execution)).asJsonObject()).getString("status")));
        assertEquals("COMPLETED", done[0].getString("status"), done[0].toString());
        assertEquals(2, done[0].getInt("version"));
        assertTrue(done[0].getString("input").matches("uploads/[0-9a-f]{64}\\.csv"), done[0].getString("input"));
        assertEquals(testCsv(), Files.readString(dataDir().resolve(done[0].getString("input"))));
        assertEquals(81, Files.readAllLines(dataDir().resolve(done[0].getString("output"))).size());
    }

    @Test
    void badRequestsAreAnsweredWithProblemsNamingTheMemberAtFault() {
        HttpResponse<String> anonymous = post(uri("api/scorings"), "application/json", "{\"model\": \"" + MODEL + "\", \"input\": \"score/test.csv\"}");
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertProblem(submit("{\"input\": \"score/test.csv\"}"), 400, "model");
        assertProblem(submit("{\"model\": \"no-such-model\", \"input\": \"score/test.csv\"}"), 404, "model");
        assertProblem(submit("{\"model\": \"" + MODEL + "\", \"version\": \"staging\", \"input\": \"score/test.csv\"}"), 404, "version");
        assertProblem(submit("{\"model\": \"" + MODEL + "\", \"version\": 9, \"input\": \"score/test.csv\"}"), 404, "version");
        assertProblem(submit("{\"model\": \"" + MODEL + "\", \"input\": \"../../pom.xml\"}"), 400, "input");
        assertProblem(submit("{\"model\": \"" + MODEL + "\", \"input\": \"score/missing.csv\"}"), 400, "input");
        assertProblem(submit("{\"model\": \"" + MODEL + "\", \"input\": \"score/test.csv\", \"checkpointRows\": 0}"), 400, "checkpointRows");
        assertProblem(submit("{\"model\": \"" + MODEL + "\", \"input\": \"score/test.csv\", \"badRows\": \"ignore\"}"), 400, "badRows");
        assertProblem(submit("{\"model\": \"" + MODEL + "\", \"input\": \"score/test.csv\", \"colour\": \"red\"}"), 400, "colour");
        assertProblem(submit("{\"model\": \"" + MODEL + "\", \"input\": \"score/test.csv\", \"output\": \"score/test.csv\"}"), 400, "output");
        assertProblem(submit("[1, 2]"), 400, "body");
        assertProblem(get(uri("api/scorings/987654")), 404, null);
    }

    /** Issue 7 item 9: a malformed id is a 400 (as a malformed version is), a well-formed unknown one a 404, on every path. */
    @Test
    void aMalformedExecutionIdIsA400AndAnUnknownOneA404() {
        for (String id : List.of("abc", "-1", "0", "1.5", "99999999999999999999")) {
            HttpResponse<String> read = get(uri("api/scorings/" + id));
            assertProblem(read, 400, "id");
            assertTrue(json(read).asJsonObject().getString("detail").contains("'" + id + "'"), read.body());
            assertProblem(write("api/scorings/" + id + "/stop"), 400, "id");
            assertProblem(write("api/scorings/" + id + "/restart"), 400, "id");
        }
        assertProblem(get(uri("api/scorings/987654")), 404, null);
        assertProblem(write("api/scorings/987654/stop"), 404, null);
        assertProblem(write("api/scorings/987654/restart"), 404, null);
        // Writes check credentials before the id: no credentials is a 401 whatever the id
        HttpResponse<String> anonymous = post(uri("api/scorings/abc/stop"), "application/json", "");
        assertProblem(anonymous, 401, null);
    }

    private HttpResponse<String> write(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic()).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** A problem in the inference service's vocabulary (README "Errors"): one type per status. */
    private static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        JsonObject problem = json(response).asJsonObject();
        assertEquals(status, problem.getInt("status"));
        String kind = switch (status) {
            case 400 -> "invalid-request";
            case 401 -> "unauthorized";
            case 404 -> "not-found";
            case 409 -> "conflict";
            default -> throw new AssertionError("no problem type expected for " + status);
        };
        assertEquals("urn:mlplatform:problem:" + kind, problem.getString("type"), response.body());
        if (field != null) {
            assertEquals(field, problem.getString("field"), response.body());
        }
        assertFalse(problem.getString("detail").isBlank());
    }
}
