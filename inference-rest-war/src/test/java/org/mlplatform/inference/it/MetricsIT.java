package org.mlplatform.inference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlplatform.inference.it.ItSupport.post;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mlplatform.inference.testing.OnnxTestModels;
import org.mlplatform.inference.testing.ReferenceCase;
import org.mlplatform.inference.testing.TestRepository;

/**
 * Known traffic against two versions of a model of its own, then one scrape of
 * {@code http://localhost:<management port>/metrics}: exact counters and label sets, histogram counts
 * equal to request counts, the server's own metrics beside the application's, and every metric the
 * Grafana dashboard queries present.
 */
@ExtendWith(ArquillianExtension.class)
class MetricsIT {

    private static final String MODEL = "it-metrics";
    private static final String BROKEN = "it-metrics-broken";

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        ItSupport.deleteModel(MODEL);
        ItSupport.deleteModel(BROKEN);
        TestRepository repository = new TestRepository(ItSupport.modelsDir());
        ReferenceCase seed = ReferenceCase.load("seed", "robust_balanced_C1");
        repository.publish(MODEL, 1, seed.onnx(), 10, 2, List.of());
        repository.publish(MODEL, 2, seed.onnx(), 10, 2, List.of());
        repository.setAlias(MODEL, "production", 1);
        repository.publish(BROKEN, 1, OnnxTestModels.wronglyNamedOutputs(10), 10, 2, List.of());
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/inference-rest-war.war"));
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }

    private static URI metricsEndpoint() {
        return URI.create("http://localhost:" + System.getProperty("it.management.port", "10090") + "/metrics");
    }

    private static List<String> rows(int count) throws Exception {
        List<String> rows = Files.readAllLines(ReferenceCase.load("seed", "robust_balanced_C1").testDataFile()).stream()
                .filter(line -> !line.isBlank()).limit(count).toList();
        assertEquals(count, rows.size());
        return rows;
    }

    private static String json(List<String> rows) {
        return rows.stream().map(row -> "[" + row + "]").collect(Collectors.joining(",", "{\"instances\":[", "]}"));
    }

    private static String oip(List<String> rows) {
        return "{\"inputs\":[{\"name\":\"input\",\"shape\":[" + rows.size() + ",10],\"datatype\":\"FP32\",\"data\":["
                + String.join(",", rows) + "]}]}";
    }

    private static void expectStatus(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
    }

    /** The given labels plus the one WildFly puts on every meter of a deployment. */
    private static Map<String, String> labels(String... keyValues) {
        Map<String, String> labels = new HashMap<>(Map.of("WF_DEPLOYMENT", "inference-rest-war.war"));
        for (int i = 0; i < keyValues.length; i += 2) {
            labels.put(keyValues[i], keyValues[i + 1]);
        }
        return labels;
    }

    @Test
    void knownTrafficGivesExactCountersLabelsAndHistogramCounts() throws Exception {
        URI predict = uri("api/models/" + MODEL + "/predict");
        // Good: version 1 (number, alias) and version 2 (number, latest), through all four APIs
        for (int i = 0; i < 3; i++) {
            expectStatus(200, post(URI.create(predict + "?version=1"), "application/json", json(rows(1))));
        }
        for (int i = 0; i < 2; i++) {
            expectStatus(200, post(URI.create(predict + "?version=2"), "text/csv", String.join("\n", rows(2)) + "\n"));
        }
        String boundary = "----metrics-it";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"rows.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + String.join("\n", rows(4)) + "\n\r\n--" + boundary + "--\r\n";
        expectStatus(200, post(URI.create(predict + "?version=production"), "multipart/form-data; boundary=" + boundary, multipart));
        for (int i = 0; i < 2; i++) {
            expectStatus(200, post(uri("v2/models/" + MODEL + "/infer"), "application/json", oip(rows(1))));
        }
        // Bad: a row with 3 features (twice, version 1), an OIP body that is not JSON (latest = 2)
        for (int i = 0; i < 2; i++) {
            expectStatus(400, post(URI.create(predict + "?version=1"), "application/json", "{\"instances\":[[1,2,3]]}"));
        }
        expectStatus(400, post(uri("v2/models/" + MODEL + "/infer"), "application/json", "{not json"));
        // Not found: a version that does not exist resolves to no number
        expectStatus(404, post(URI.create(predict + "?version=9"), "application/json", json(rows(1))));

        PrometheusScrape scrape = PrometheusScrape.of(metricsEndpoint());
        String all = scrape.lines("mlplatform_");

        Map<Map<String, String>, Double> expectedRequests = Map.of(
                labels("model", MODEL, "version", "1", "api", "rest_json", "outcome", "ok"), 3.0,
                labels("model", MODEL, "version", "2", "api", "rest_csv", "outcome", "ok"), 2.0,
                labels("model", MODEL, "version", "1", "api", "multipart", "outcome", "ok"), 1.0,
                labels("model", MODEL, "version", "2", "api", "oip", "outcome", "ok"), 2.0,
                labels("model", MODEL, "version", "1", "api", "rest_json", "outcome", "client_error"), 2.0,
                labels("model", MODEL, "version", "2", "api", "oip", "outcome", "client_error"), 1.0,
                labels("model", MODEL, "version", "", "api", "rest_json", "outcome", "not_found"), 1.0);
        Map<Map<String, String>, Double> requests = new HashMap<>();
        scrape.samples("mlplatform_inference_requests_total", Map.of("model", MODEL))
                .forEach(sample -> requests.put(sample.labels(), sample.value()));
        assertEquals(expectedRequests, requests, all);

        // The latency histogram counts exactly the requests of each label set, in every bucket up to +Inf
        for (Map.Entry<Map<String, String>, Double> expected : expectedRequests.entrySet()) {
            assertEquals(expected.getValue(), scrape.value("mlplatform_inference_request_duration_seconds_count", expected.getKey()), all);
            Map<String, String> infinity = new HashMap<>(expected.getKey());
            infinity.put("le", "+Inf");
            assertEquals(expected.getValue(), scrape.value("mlplatform_inference_request_duration_seconds_bucket", infinity), all);
        }
        // Sub-millisecond buckets exist
        Set<Double> subMillisecond = scrape.samples("mlplatform_inference_request_duration_seconds_bucket", Map.of("model", MODEL)).stream()
                .map(sample -> sample.labels().get("le")).filter(le -> !le.equals("+Inf")).map(Double::valueOf)
                .filter(le -> le < 0.001).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(0.00005, 0.0001, 0.00025, 0.0005), subMillisecond, all);

        // Rows and ONNX Runtime calls: only requests that were scored
        assertEquals(3 * 1 + 4, scrape.value("mlplatform_inference_rows_predicted_total", labels("model", MODEL, "version", "1")), all);
        assertEquals(2 * 2 + 2 * 1, scrape.value("mlplatform_inference_rows_predicted_total", labels("model", MODEL, "version", "2")), all);
        assertEquals(4, scrape.value("mlplatform_inference_onnxruntime_duration_seconds_count", labels("model", MODEL, "version", "1")), all);
        assertEquals(4, scrape.value("mlplatform_inference_onnxruntime_duration_seconds_count", labels("model", MODEL, "version", "2")), all);
        assertEquals(0, scrape.value("mlplatform_inference_slots_in_use", labels()), all);

        // Loading: two versions served, loaded once each; the broken model's version failed for its graph
        assertEquals(2, scrape.value("mlplatform_inference_loaded_versions", labels("model", MODEL)), all);
        assertEquals(2, scrape.value("mlplatform_inference_load_duration_seconds_count", labels("model", MODEL)), all);
        assertEquals(0, scrape.value("mlplatform_inference_loaded_versions", labels("model", BROKEN)), all);
        assertEquals(1, scrape.value("mlplatform_inference_load_failures_total", labels("model", BROKEN, "reason", "incompatible_graph")), all);
        double lastReload = scrape.value("mlplatform_inference_last_reload_timestamp_seconds", labels("model", MODEL));
        assertTrue(lastReload > System.currentTimeMillis() / 1000.0 - 3600 && lastReload <= System.currentTimeMillis() / 1000.0, all);
    }

    @Test
    void theEndpointAlsoHoldsTheServersOwnMetricsWithoutCredentials() {
        Set<String> names = PrometheusScrape.of(metricsEndpoint()).names();
        for (String prefix : List.of("jvm_memory_used_bytes", "undertow_", "datasources_pool_", "messaging_activemq_", "ejb3_")) {
            assertTrue(names.stream().anyMatch(name -> name.startsWith(prefix)), prefix + " missing from " + new TreeSet<>(names));
        }
    }

    @Test
    void everyInferenceMetricTheDashboardQueriesIsExported() throws Exception {
        // Make sure every labelled series exists at least once before the scrape
        expectStatus(200, post(uri("api/models/" + MODEL + "/predict"), "application/json", json(rows(1))));
        Set<String> exported = PrometheusScrape.of(metricsEndpoint()).names();
        Set<String> queried = DashboardMetrics.of(DashboardMetrics.dashboard());
        Set<String> missing = new TreeSet<>();
        for (String name : queried) {
            assertTrue(name.startsWith("mlplatform_inference_") || name.startsWith("mlplatform_builder_"),
                    name + ": the dashboard should query only the platform's metrics, each checked by one service's IT");
            if (name.startsWith("mlplatform_inference_") && !exported.contains(name)) {
                missing.add(name);
            }
        }
        assertTrue(queried.stream().anyMatch(name -> name.startsWith("mlplatform_inference_")), queried.toString());
        assertEquals(Set.of(), missing, "queried by docs/grafana/model-platform.json but not exported");
    }
}
