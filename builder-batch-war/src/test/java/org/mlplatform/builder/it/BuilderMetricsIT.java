package org.mlplatform.builder.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlplatform.builder.it.BuilderClient.ADMIN;
import static org.mlplatform.builder.it.BuilderClient.json;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One job through each door (REST with cross-validation, JMS without, the management API with a bad
 * cell so that it fails in validate-data), then the scrape of {@code /metrics} on the management
 * port: the counters moved by exactly that, per channel, status and step; the published model's
 * gauges hold its version and cross-validation means; the dashboard's builder metrics exist.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BuilderMetricsIT {

    private static final String DEPLOYMENT = "builder-batch-war.war";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String REST_MODEL = "metrics-rest-" + RUN;
    private static final String CONSOLE_MODEL = "metrics-console-" + RUN;
    /** The in-container test finds its job by this prefix (its own RUN differs from the client JVM's). */
    private static final String JMS_MODEL_PREFIX = "metrics-jms-";

    /** Client JVM: the scrape before any job of this class, and the REST job's status. */
    private static PrometheusScrape before;
    private static JsonObject restExecution;

    @ArquillianResource
    URL deploymentUrl;

    @ArquillianResource
    ManagementClient management;

    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "java:/jms/queue/TrainingRequests")
    Queue trainingRequests;

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(ZipImporter.class, DEPLOYMENT)
                .importFrom(new File("target/" + DEPLOYMENT)).as(WebArchive.class)
                .addClasses(BuilderClient.class, TestData.class, PrometheusScrape.class, PrometheusScrape.Sample.class, DashboardMetrics.class);
    }

    private static URI metricsEndpoint() {
        return URI.create("http://localhost:" + System.getProperty("it.management.port", "10090") + "/metrics");
    }

    private static String request(String model, String folder, int cvFolds) {
        return Json.createObjectBuilder().add("model", model)
                .add("trainData", folder + "/train_data.csv").add("trainLabels", folder + "/train_labels.csv")
                .add("cvFolds", cvFolds).build().toString();
    }

    private static Map<String, String> labels(String... keyValues) {
        Map<String, String> labels = new HashMap<>(Map.of("WF_DEPLOYMENT", DEPLOYMENT));
        for (int i = 0; i < keyValues.length; i += 2) {
            labels.put(keyValues[i], keyValues[i + 1]);
        }
        return labels;
    }

    /** A counter's value, 0 when the series does not exist yet. */
    private static double valueOrZero(PrometheusScrape scrape, String name, Map<String, String> labels) {
        return scrape.samples(name, labels).stream().filter(s -> s.labels().equals(new java.util.TreeMap<>(labels)))
                .mapToDouble(PrometheusScrape.Sample::value).findFirst().orElse(0);
    }

    @Test
    @Order(1)
    @RunAsClient
    void restAndConsoleJobs() throws Exception {
        before = PrometheusScrape.of(metricsEndpoint());
        TestData.copyReferenceSet("seed", "metrics");
        BuilderClient client = new BuilderClient(deploymentUrl);

        HttpResponse<String> submitted = client.post("trainings", request(REST_MODEL, "metrics", 5), ADMIN);
        assertEquals(202, submitted.statusCode(), submitted.body());
        restExecution = client.awaitEnd(URI.create(submitted.headers().firstValue("Location").orElseThrow()));
        assertEquals("COMPLETED", restExecution.getString("status"), restExecution.toString());

        Path broken = TestData.copyReferenceSet("seed", "metrics-broken");
        TestData.breakCell(broken.resolve("train_data.csv"), 17, "abc");
        ModelNode properties = new ModelNode();
        properties.get("model").set(CONSOLE_MODEL);
        properties.get("trainData").set("metrics-broken/train_data.csv");
        properties.get("trainLabels").set("metrics-broken/train_labels.csv");
        ModelNode startJob = Operations.createOperation("start-job",
                Operations.createAddress("deployment", DEPLOYMENT, "subsystem", "batch-jberet"));
        startJob.get("job-xml-name").set("train-model");
        startJob.get("properties").set(properties);
        ModelNode result = management.getControllerClient().execute(startJob);
        assertTrue(Operations.isSuccessfulOutcome(result), result.toString());
        JsonObject failed = client.awaitEnd(Operations.readResult(result).asLong());
        assertEquals("FAILED", failed.getString("status"), failed.toString());
    }

    @Test
    @Order(2)
    void jmsJob() throws Exception {
        TestData.copyReferenceSet("seed", "metrics-jms");
        String model = JMS_MODEL_PREFIX + UUID.randomUUID().toString().substring(0, 8);
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer().send(trainingRequests, request(model, "metrics-jms", 0));
        }
        JobOperator operator = BatchRuntime.getJobOperator();
        JobExecution execution = null;
        for (int attempt = 0; attempt < 1200 && (execution == null || execution.getBatchStatus() == BatchStatus.STARTING
                || execution.getBatchStatus() == BatchStatus.STARTED); attempt++) {
            BuilderClient.pause(100);
            for (JobInstance instance : operator.getJobInstances("train-model", 0, 100)) {
                JobExecution candidate = operator.getJobExecutions(instance).get(0);
                if (model.equals(operator.getParameters(candidate.getExecutionId()).getProperty("model"))) {
                    execution = operator.getJobExecution(candidate.getExecutionId());
                }
            }
        }
        assertTrue(execution != null && execution.getBatchStatus() == BatchStatus.COMPLETED, String.valueOf(execution));
    }

    @Test
    @Order(3)
    @RunAsClient
    void countersMovedByExactlyThoseJobs() throws Exception {
        PrometheusScrape after = PrometheusScrape.of(metricsEndpoint());
        String all = after.lines("mlplatform_builder_");
        Map<String, Double> expectedDeltas = new java.util.LinkedHashMap<>();
        for (String channel : List.of("rest", "jms", "console")) {
            expectedDeltas.put("mlplatform_builder_jobs_submitted_total channel " + channel, 1.0);
        }
        expectedDeltas.put("mlplatform_builder_jobs_finished_total status COMPLETED", 2.0);
        expectedDeltas.put("mlplatform_builder_jobs_finished_total status FAILED", 1.0);
        expectedDeltas.put("mlplatform_builder_jobs_finished_total status STOPPED", 0.0);
        // validate-data ran in all three; cross-validation only in the REST job; the console job stopped at validate-data
        expectedDeltas.put("mlplatform_builder_step_duration_seconds_count step validate-data", 3.0);
        expectedDeltas.put("mlplatform_builder_step_duration_seconds_count step cross-validate", 1.0);
        for (String step : List.of("fit-and-evaluate", "publish", "announce")) {
            expectedDeltas.put("mlplatform_builder_step_duration_seconds_count step " + step, 2.0);
        }
        Map<String, Double> deltas = new java.util.LinkedHashMap<>();
        for (String key : expectedDeltas.keySet()) {
            String[] parts = key.split(" ");
            Map<String, String> labels = labels(parts[1], parts[2]);
            deltas.put(key, valueOrZero(after, parts[0], labels) - valueOrZero(before, parts[0], labels));
        }
        assertEquals(expectedDeltas, deltas, all);

        Map<String, String> model = labels("model", REST_MODEL);
        assertEquals(400, after.value("mlplatform_builder_rows_trained_total", model), all);
        assertEquals(1, after.value("mlplatform_builder_publishes_total", model), all);
        assertEquals(1, after.value("mlplatform_builder_publish_duration_seconds_count", model), all);
        assertEquals(restExecution.getJsonObject("published").getInt("version"), after.value("mlplatform_builder_published_version", model), all);
        JsonObject mean = restExecution.getJsonObject("metrics").getJsonObject("crossValidationMean");
        assertEquals(mean.getJsonNumber("accuracy").doubleValue(), after.value("mlplatform_builder_cv_accuracy", model), 1e-12, all);
        assertEquals(mean.getJsonNumber("logLoss").doubleValue(), after.value("mlplatform_builder_cv_log_loss", model), 1e-12, all);
        assertEquals(mean.getJsonNumber("rocAuc").doubleValue(), after.value("mlplatform_builder_cv_roc_auc", model), 1e-12, all);
        // The console job failed before fitting: it trained no rows and published nothing
        assertTrue(after.samples("mlplatform_builder_rows_trained_total", Map.of("model", CONSOLE_MODEL)).isEmpty(), all);
        assertTrue(after.samples("mlplatform_builder_publishes_total", Map.of("model", CONSOLE_MODEL)).isEmpty(), all);
        // The JMS job ran no cross-validation: its gauges say so with NaN
        List<PrometheusScrape.Sample> jmsAccuracy = after.samples("mlplatform_builder_cv_accuracy", Map.of()).stream()
                .filter(s -> s.labels().get("model").startsWith(JMS_MODEL_PREFIX)).toList();
        assertEquals(1, jmsAccuracy.size(), all);
        assertTrue(Double.isNaN(jmsAccuracy.get(0).value()), all);
    }

    @Test
    @Order(4)
    @RunAsClient
    void everyBuilderMetricTheDashboardQueriesIsExported() throws Exception {
        Set<String> exported = PrometheusScrape.of(metricsEndpoint()).names();
        Set<String> missing = new TreeSet<>();
        Set<String> queried = DashboardMetrics.of(DashboardMetrics.dashboard());
        for (String name : queried) {
            if (name.startsWith("mlplatform_builder_") && !exported.contains(name)) {
                missing.add(name);
            }
        }
        assertTrue(queried.stream().anyMatch(name -> name.startsWith("mlplatform_builder_")), queried.toString());
        assertEquals(Set.of(), missing, "queried by docs/grafana/model-platform.json but not exported");
    }
}
