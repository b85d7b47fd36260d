package org.mlplatform.inference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlplatform.inference.it.ItSupport.get;
import static org.mlplatform.inference.it.ItSupport.json;
import static org.mlplatform.inference.it.ItSupport.post;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

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
 * Drift over HTTP: versions whose baseline says every feature is N(0, 1) get rows drawn from N(0, 1)
 * through the JSON, CSV and Open Inference Protocol APIs; one version as they are (every feature
 * stable), one with features 2 and 5 shifted by two standard deviations (exactly those significant).
 * Four versions, three served: version 1 is in the repository but not loaded; version 4 is format 1.
 */
@ExtendWith(ArquillianExtension.class)
class DriftIT {

    private static final String MODEL = "it-drift";
    private static final int FEATURES = 10;
    private static final Set<Integer> SHIFTED = Set.of(2, 5);

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        ItSupport.deleteModel(MODEL);
        TestRepository repository = new TestRepository(ItSupport.modelsDir());
        byte[] onnx = ReferenceCase.load("seed", "robust_balanced_C1").onnx();
        for (int version = 1; version <= 3; version++) {
            repository.publishWithStandardNormalBaseline(MODEL, version, onnx, FEATURES, 2);
        }
        repository.publish(MODEL, 4, onnx, FEATURES, 2, List.of());
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/inference-rest-war.war"));
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }

    /** {@code count} rows of independent N(0, 1) features, {@code shift} added to the shifted features. */
    private static List<double[]> rows(long seed, int count, double shift) {
        Random random = new Random(seed);
        return IntStream.range(0, count).mapToObj(i -> {
            double[] row = new double[FEATURES];
            for (int j = 0; j < FEATURES; j++) {
                row[j] = random.nextGaussian() + (SHIFTED.contains(j) ? shift : 0);
            }
            return row;
        }).toList();
    }

    private static String csvLine(double[] row) {
        return Arrays.stream(row).mapToObj(Double::toString).collect(Collectors.joining(","));
    }

    /** 1,500 rows in three requests, one per API. */
    private void predict(int version, double shift) {
        List<double[]> rows = rows(42 + version, 1500, shift);
        String query = "?version=" + version;
        String instances = rows.subList(0, 500).stream().map(row -> "[" + csvLine(row) + "]")
                .collect(Collectors.joining(",", "{\"instances\":[", "]}"));
        expectOk(post(URI.create(uri("api/models/" + MODEL + "/predict") + query), "application/json", instances));
        String csv = rows.subList(500, 1000).stream().map(DriftIT::csvLine).collect(Collectors.joining("\n", "", "\n"));
        expectOk(post(URI.create(uri("api/models/" + MODEL + "/predict") + query), "text/csv", csv));
        String oip = "{\"inputs\":[{\"name\":\"input\",\"shape\":[500," + FEATURES + "],\"datatype\":\"FP32\",\"data\":["
                + rows.subList(1000, 1500).stream().map(DriftIT::csvLine).collect(Collectors.joining(",")) + "]}]}";
        expectOk(post(uri("v2/models/" + MODEL + "/versions/" + version + "/infer"), "application/json", oip));
    }

    private static void expectOk(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
    }

    private JsonObject drift(int version) {
        HttpResponse<String> response = get(uri("api/models/" + MODEL + "/versions/" + version + "/drift"));
        expectOk(response);
        return (JsonObject) json(response);
    }

    private static Set<Integer> featuresIn(JsonObject drift, String status) {
        return drift.getJsonArray("features").getValuesAs(JsonObject.class).stream()
                .filter(feature -> feature.getString("status").equals(status))
                .map(feature -> feature.getInt("index")).collect(Collectors.toCollection(TreeSet::new));
    }

    private void awaitServed() {
        ItSupport.await("versions 2 to 4 served", () -> {
            HttpResponse<String> response = get(uri("api/models/" + MODEL));
            return response.statusCode() == 200 && ((JsonObject) json(response)).getJsonArray("versions").size() == 3;
        });
    }

    @Test
    void rowsLikeTheTrainingDataAreStableAndShiftedFeaturesAreExactlyTheSignificantOnes() {
        awaitServed();
        JsonObject before = drift(2);
        assertEquals(0, before.getJsonObject("window").getInt("rows"));
        assertEquals(Set.copyOf(IntStream.range(0, FEATURES).boxed().toList()), featuresIn(before, "no-data"));
        assertEquals(JsonValue.NULL, before.getJsonArray("features").getJsonObject(0).get("psi"));

        predict(2, 0);
        predict(3, 2.0);

        JsonObject like = drift(2);
        assertTrue(like.getBoolean("baseline"));
        assertTrue(like.getBoolean("loaded"));
        assertEquals(10_000, like.getJsonObject("window").getInt("capacity"));
        assertEquals(1500, like.getJsonObject("window").getInt("rows"));
        assertEquals(0.1, like.getJsonObject("thresholds").getJsonNumber("moderate").doubleValue());
        assertEquals(0.25, like.getJsonObject("thresholds").getJsonNumber("significant").doubleValue());
        for (JsonObject feature : like.getJsonArray("features").getValuesAs(JsonObject.class)) {
            assertTrue(feature.getJsonNumber("psi").doubleValue() < 0.1, feature.toString());
            assertEquals("stable", feature.getString("status"), feature.toString());
            assertEquals(9, feature.getJsonArray("binEdges").size());
            assertEquals(10, feature.getJsonArray("referenceShares").size());
            double recent = feature.getJsonArray("recentShares").getValuesAs(JsonNumber.class).stream()
                    .mapToDouble(JsonNumber::doubleValue).sum();
            assertEquals(1.0, recent, 1e-9);
        }

        JsonObject shifted = drift(3);
        assertEquals(SHIFTED, featuresIn(shifted, "significant"), shifted.toString());
        assertEquals(FEATURES - SHIFTED.size(), featuresIn(shifted, "stable").size(), shifted.toString());
        JsonObject second = shifted.getJsonArray("features").getJsonObject(2);
        assertTrue(second.getJsonNumber("jensenShannon").doubleValue() > 0.5, second.toString());

        // Model info sums it up per version
        JsonObject info = (JsonObject) json(get(uri("api/models/" + MODEL)));
        JsonObject summary = info.getJsonArray("versions").getValuesAs(JsonObject.class).stream()
                .filter(version -> version.getInt("version") == 3).findFirst().orElseThrow().getJsonObject("drift");
        assertEquals(2, summary.getJsonObject("statusCounts").getInt("significant"), summary.toString());
        assertEquals(8, summary.getJsonObject("statusCounts").getInt("stable"), summary.toString());
        assertTrue(SHIFTED.contains(summary.getJsonObject("worst").getInt("index")), summary.toString());

        // And the metrics endpoint shows the same PSI per feature
        PrometheusScrape scrape = PrometheusScrape.of(URI.create("http://localhost:" + System.getProperty("it.management.port", "10090")
                + "/metrics"));
        for (int feature = 0; feature < FEATURES; feature++) {
            double psi = scrape.value("mlplatform_inference_drift_psi", Map.of("WF_DEPLOYMENT", "inference-rest-war.war",
                    "model", MODEL, "version", "3", "feature", Integer.toString(feature)));
            assertEquals(SHIFTED.contains(feature), psi > 0.25, "feature " + feature + " psi " + psi);
        }
    }

    @Test
    void aFormatOneVersionHasNoBaseline() {
        awaitServed();
        JsonObject drift = drift(4);
        assertFalse(drift.getBoolean("baseline"));
        assertEquals(0, drift.getJsonArray("features").size());
        assertEquals(4, drift.getInt("version"));
    }

    @Test
    void aVersionInTheRepositoryThatIsNotServedAnswersWithAnEmptyWindowAndAnUnknownOneIsNotFound() {
        awaitServed();
        JsonObject drift = drift(1);
        assertFalse(drift.getBoolean("loaded"));
        assertTrue(drift.getBoolean("baseline"));
        assertEquals(0, drift.getJsonObject("window").getInt("rows"));
        assertEquals(Set.copyOf(IntStream.range(0, FEATURES).boxed().toList()), featuresIn(drift, "no-data"));

        HttpResponse<String> missing = get(uri("api/models/" + MODEL + "/versions/9/drift"));
        assertEquals(404, missing.statusCode(), missing.body());
        assertTrue(missing.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(404, get(uri("api/models/no-such-model/versions/1/drift")).statusCode());
        assertEquals(400, get(uri("api/models/" + MODEL + "/versions/-1/drift")).statusCode());
    }
}
