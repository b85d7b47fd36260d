package org.mlplatform.inference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlplatform.inference.it.ItSupport.json;
import static org.mlplatform.inference.it.ItSupport.post;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlplatform.inference.testing.ReferenceCase;
import org.mlplatform.inference.testing.TestRepository;

/**
 * {@code POST /api/models/{model}/explain} over HTTP, on versions the real pipeline trained (the fixtures of
 * LinearExplainerTest): the same class and probability as predict for the same rows, logits equal to numpy's,
 * and the refusals: a version without a training baseline, an imported graph, a bad row.
 */
@ExtendWith(ArquillianExtension.class)
class ExplanationsIT {

    private static final Path FIXTURES = Path.of("src/test/resources/explanations");
    private static final String SEED = "explain-seed";
    private static final String IRIS = "explain-iris";
    private static final String IMPORTED = "explain-imported";

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        java.util.stream.Stream.of(SEED, IRIS, IMPORTED).forEach(ItSupport::deleteModel);
        publish(SEED, SEED, 1, UnaryOperator.identity());
        // the same model as trained before metadata.json had a training baseline: format 1, no features
        publish(SEED, SEED, 2, metadata -> Json.createObjectBuilder(metadata).add("formatVersion", 1).remove("features").build());
        new TestRepository(ItSupport.modelsDir()).setAlias(SEED, "production", 1);
        publish(IRIS, IRIS, 1, UnaryOperator.identity());
        // what the builder's import writes: the graph's description only
        publish(SEED, IMPORTED, 1, metadata -> Json.createObjectBuilder(metadata).add("source", "imported")
                .remove("trainingFingerprint").remove("params").remove("scaler").remove("algorithm").remove("training")
                .remove("dataset").remove("metrics").remove("features").build());
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/inference-rest-war.war"));
    }

    /** A fixture's model.onnx and its metadata.json, edited and renamed to {@code model}/{@code version}, published atomically. */
    private static void publish(String fixture, String model, int version, UnaryOperator<JsonObject> edit) {
        try {
            Path modelDir = Files.createDirectories(ItSupport.modelsDir().resolve(model));
            Path staging = Files.createTempDirectory(modelDir, ".publish-");
            Files.copy(FIXTURES.resolve(fixture).resolve("model.onnx"), staging.resolve("model.onnx"));
            JsonObject metadata = edit.apply(Json.createObjectBuilder(readJson(FIXTURES.resolve(fixture).resolve("metadata.json")))
                    .add("model", model).add("version", version).build());
            Files.writeString(staging.resolve("metadata.json"), metadata.toString());
            Files.move(staging, modelDir.resolve(Integer.toString(version)), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }

    @ParameterizedTest
    @CsvSource({"explain-seed, seed, ?version=1", "explain-seed, seed, ?version=production", "explain-iris, iris, ''"})
    void explainAnswersPredictsClassAndProbabilityWithNumpysLogits(String model, String set, String version) throws IOException {
        String rows = Files.readString(ReferenceCase.referenceDir().resolve("data").resolve(set).resolve("test_data.csv"));
        String instances = rows.lines().filter(line -> !line.isBlank()).map(line -> "[" + line + "]")
                .collect(Collectors.joining(",", "{\"instances\":[", "]}"));
        HttpResponse<String> predictResponse = post(uri("api/models/" + model + "/predict" + version), "application/json", instances);
        HttpResponse<String> explainResponse = post(uri("api/models/" + model + "/explain" + version), "application/json", instances);
        assertEquals(200, predictResponse.statusCode(), predictResponse.body());
        assertEquals(200, explainResponse.statusCode(), explainResponse.body());
        JsonObject predicted = json(predictResponse).asJsonObject();
        JsonObject explained = json(explainResponse).asJsonObject();
        assertEquals(1, explained.getInt("version"), "version 1, as predict's: " + predicted.getInt("version"));
        assertEquals(predicted.getInt("version"), explained.getInt("version"));

        JsonArray classes = readJson(FIXTURES.resolve(model).resolve("metadata.json")).getJsonArray("classes");
        JsonArray numpy = readJson(FIXTURES.resolve(model).resolve("expected.json")).getJsonArray("explanations");
        JsonArray explanations = explained.getJsonArray("explanations");
        assertEquals(numpy.size(), explanations.size());
        for (int i = 0; i < explanations.size(); i++) {
            String where = model + " row " + (i + 1);
            JsonObject row = explanations.getJsonObject(i);
            JsonValue label = predicted.getJsonArray("predictions").get(i);
            assertEquals(label, row.get("prediction"), where);
            int column = classes.indexOf(label);
            assertEquals(predicted.getJsonArray("probabilities").getJsonArray(i).getJsonNumber(column).doubleValue(),
                    row.getJsonNumber("probability").doubleValue(), 0, where + ": predict's probability");
            JsonArray logits = row.getJsonArray("logits");
            assertEquals(numpy.getJsonObject(i).getJsonArray("logits").size(), logits.size(), where);
            for (int k = 0; k < logits.size(); k++) {
                JsonObject logit = logits.getJsonObject(k);
                JsonObject expected = numpy.getJsonObject(i).getJsonArray("logits").getJsonObject(k);
                assertEquals(expected.getJsonNumber("logit").doubleValue(), logit.getJsonNumber("logit").doubleValue(), 1e-9, where);
                assertEquals(expected.getJsonNumber("base").doubleValue(), logit.getJsonNumber("base").doubleValue(), 1e-9, where);
                assertEquals(classes.get(expected.getInt("classIndex")), logit.get("class"), where);
                double sum = logit.getJsonNumber("base").doubleValue();
                for (JsonValue feature : logit.getJsonArray("contributions")) {
                    JsonObject contribution = feature.asJsonObject();
                    assertEquals(expected.getJsonArray("contributions").getJsonNumber(contribution.getInt("index")).doubleValue(),
                            contribution.getJsonNumber("contribution").doubleValue(), 1e-9, where);
                    sum += contribution.getJsonNumber("contribution").doubleValue();
                }
                assertEquals(logit.getJsonNumber("logit").doubleValue(), sum, 1e-9, where + ": base + contributions = logit");
            }
        }
    }

    @Test
    void csvRowsAreExplainedAsJsonRowsAre() {
        String row = "5.1,3.5,1.4,0.2";
        HttpResponse<String> fromCsv = post(uri("api/models/" + IRIS + "/explain"), "text/csv", row + "\n");
        HttpResponse<String> fromJson = post(uri("api/models/" + IRIS + "/explain"), "application/json", "{\"instances\":[[" + row + "]]}");
        assertEquals(200, fromCsv.statusCode(), fromCsv.body());
        assertEquals(json(fromJson), json(fromCsv));
    }

    @Test
    void aVersionWithoutTrainingBaselineIsAConflictSayingWhy() {
        // the latest version of explain-seed is 2, written as format 1
        HttpResponse<String> response = post(uri("api/models/" + SEED + "/explain"), "application/json",
                "{\"instances\":[[0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1.0]]}");
        JsonObject problem = assertProblem(response, 409, "explanation-unavailable");
        assertTrue(problem.getString("detail").contains("version 2") && problem.getString("detail").contains("no training baseline"),
                problem.toString());
        assertEquals(200, post(uri("api/models/" + SEED + "/predict"), "application/json",
                "{\"instances\":[[0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1.0]]}").statusCode(), "predict still serves it");
    }

    @Test
    void anImportedGraphIsAConflictSayingWhy() {
        HttpResponse<String> response = post(uri("api/models/" + IMPORTED + "/explain"), "application/json",
                "{\"instances\":[[0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1.0]]}");
        JsonObject problem = assertProblem(response, 409, "explanation-unavailable");
        assertTrue(problem.getString("detail").contains("imported"), problem.toString());
    }

    @Test
    void aBadRowIsRefusedNamingRowAndColumn() {
        HttpResponse<String> response = post(uri("api/models/" + IRIS + "/explain"), "application/json",
                "{\"instances\":[[5.1,3.5,1.4,0.2],[5.1,\"wide\",1.4,0.2]]}");
        JsonObject problem = assertProblem(response, 400, "invalid-request");
        assertEquals("Non-numeric value", problem.getString("title"));
        assertEquals(2, problem.getInt("row"));
        assertEquals(2, problem.getInt("column"));
        JsonObject shortRow = assertProblem(post(uri("api/models/" + IRIS + "/explain"), "text/csv", "5.1,3.5,1.4\n"), 400, "invalid-request");
        assertEquals(1, shortRow.getInt("row"), shortRow.toString());
    }

    @Test
    void unknownVersionsAndMediaTypesAreRefusedAsPredictRefusesThem() {
        String body = "{\"instances\":[[5.1,3.5,1.4,0.2]]}";
        assertProblem(post(uri("api/models/" + IRIS + "/explain?version=7"), "application/json", body), 404, "not-found");
        assertProblem(post(uri("api/models/no-such-model/explain"), "application/json", body), 404, "not-found");
        assertProblem(post(uri("api/models/" + IRIS + "/explain?version=-1"), "application/json", body), 400, "invalid-request");
        assertProblem(post(uri("api/models/" + IRIS + "/explain"), "text/plain", body), 415, "unsupported-media-type");
    }

    @Test
    void explainRequestsAreCountedUnderTheirOwnApiLabel() {
        URI metrics = URI.create("http://localhost:" + System.getProperty("it.management.port", "10090") + "/metrics");
        java.util.Map<String, String> labels = java.util.Map.of("model", IRIS, "version", "1", "api", "explain", "outcome", "ok");
        double before = PrometheusScrape.of(metrics).samples("mlplatform_inference_requests_total", labels).stream()
                .mapToDouble(PrometheusScrape.Sample::value).sum();
        assertEquals(200, post(uri("api/models/" + IRIS + "/explain"), "text/csv", "5.1,3.5,1.4,0.2\n").statusCode());
        // recorded once the response is written, which the client may see first
        ItSupport.await("the explain request counted", () -> PrometheusScrape.of(metrics)
                .samples("mlplatform_inference_requests_total", labels).stream().mapToDouble(PrometheusScrape.Sample::value).sum() == before + 1);
    }

    private static JsonObject assertProblem(HttpResponse<String> response, int status, String kind) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), response.body());
        JsonObject problem = json(response).asJsonObject();
        assertEquals("urn:mlplatform:problem:" + kind, problem.getString("type"), response.body());
        assertEquals(status, problem.getInt("status"));
        return problem;
    }

    private static JsonObject readJson(Path file) {
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(file))) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
