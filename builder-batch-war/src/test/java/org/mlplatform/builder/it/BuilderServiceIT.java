package org.mlplatform.builder.it;

import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.json.Json;
import jakarta.json.JsonArray;
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
import org.mlplatform.builder.testing.Skl2OnnxGraphs;
import org.mlplatform.builder.testing.Skl2OnnxGraphs.Pipeline;
import org.mlplatform.pipeline.TrainingParameters;
import org.mlplatform.pipeline.TrainingPipeline;
import org.mlplatform.pipeline.dataset.CsvSource;
import org.mlplatform.pipeline.dataset.Dataset;
import org.mlplatform.pipeline.evaluation.ScoredRows;
import org.mlplatform.repository.ModelRepository;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.mlplatform.builder.it.BuilderClient.ADMIN;
import static org.mlplatform.builder.it.BuilderClient.VIEWER;
import static org.mlplatform.builder.it.BuilderClient.json;

/**
 * The builder WAR on a managed WildFly configured by wildfly-config: one server boot for all of
 * it (plus one reload in {@link #failedJobPublishesNothingSurvivesARestartAndCompletesWhenRestarted},
 * and, last, a kill -9 and a start of the same server command in
 * {@link #anExecutionCutOffByAKilledServerFailsWhenTheServerStartsAgainAndRestarts}).
 * Client tests ({@code @RunAsClient}) use HTTP and the management API; the others run inside the
 * server to use JMS and the job operator directly.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BuilderServiceIT {

    private static final String DEPLOYMENT = "builder-batch-war.war";

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(ZipImporter.class, DEPLOYMENT)
                .importFrom(new File("target/" + DEPLOYMENT)).as(WebArchive.class)
                .addClasses(BuilderClient.class, TestData.class, Skl2OnnxGraphs.class, Pipeline.class);
    }

    @ArquillianResource
    URL deploymentUrl;

    @ArquillianResource
    ManagementClient management;

    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "java:/jms/queue/TrainingRequests")
    Queue trainingRequests;

    @Resource(lookup = "java:/jms/queue/DLQ")
    Queue deadLetters;

    @Resource(lookup = "java:/jms/topic/ModelEvents")
    Topic modelEvents;

    @Inject
    ModelRepository repository;

    private static String request(String model, String folder, Map<String, Object> options) {
        var body = Json.createObjectBuilder().add("model", model)
                .add("trainData", folder + "/train_data.csv").add("trainLabels", folder + "/train_labels.csv");
        options.forEach((key, value) -> {
            if (value instanceof Integer integer) {
                body.add(key, integer);
            } else if (value instanceof Number number) {
                body.add(key, number.doubleValue());
            } else {
                body.add(key, value.toString());
            }
        });
        return body.build().toString();
    }

    @Test
    @RunAsClient
    void restTrainingPublishesTheExactOptimum() throws IOException {
        TestData.copyReferenceSet("seed", "seed");
        BuilderClient client = new BuilderClient(deploymentUrl);
        String body = request("seed-robust", "seed", Map.of("testData", "seed/test_data.csv",
                "testLabels", "seed/test_labels.csv", "scaler", "robust", "classWeight", "balanced", "C", 1));

        long callsBefore = trainingServiceInvocations();
        HttpResponse<String> submitted = client.post("trainings", body, ADMIN);
        assertEquals(202, submitted.statusCode(), submitted.body());
        URI location = URI.create(submitted.headers().firstValue("Location").orElseThrow());
        assertTrue(location.getPath().startsWith("/builder/api/trainings/"), location.toString());

        JsonObject execution = client.awaitEnd(location);
        assertEquals("COMPLETED", execution.getString("status"), execution.toString());
        // every step went through the EJB facade, which WildFly deployed from WEB-INF/lib/pipeline-ejb:
        // the door's load (the steps read the rows it handed over), 5 x (folds, crossValidate), fit, evaluate, publish
        long calls = trainingServiceInvocations() - callsBefore;
        assertTrue(calls >= 14, "TrainingService invocations for one job: " + calls);
        List<String> steps = execution.getJsonArray("steps").getValuesAs(JsonObject.class).stream()
                .map(step -> step.getString("name") + "=" + step.getString("status")).toList();
        assertEquals(List.of("validate-data=COMPLETED", "cross-validate=COMPLETED", "fit-and-evaluate=COMPLETED",
                "publish=COMPLETED", "announce=COMPLETED"), steps);
        JsonObject progress = execution.getJsonObject("progress");
        assertEquals(5, progress.getInt("stepsCompleted"));
        assertEquals(5, progress.getInt("foldsCompleted"));
        assertEquals(5, execution.getJsonObject("metrics").getJsonObject("crossValidation").getJsonArray("folds").size());
        assertEquals(80, execution.getJsonObject("metrics").getJsonObject("test").getInt("rows"));
        int version = execution.getJsonObject("published").getInt("version");

        HttpResponse<String> metadata = client.get("models/seed-robust/versions/" + version);
        assertEquals(200, metadata.statusCode(), metadata.body());
        JsonObject published = json(metadata).asJsonObject();
        JsonObject optimum;
        try (var reader = Json.createReader(new StringReader(Files.readString(
                TestData.reference().resolve("expected/seed__robust_balanced_C1.json"))))) {
            optimum = reader.readObject().getJsonObject("reference_optimum_newton");
        }
        JsonArray expectedCoefficients = optimum.getJsonArray("coef").getJsonArray(0);
        assertEquals("trained", published.getString("source"));
        JsonObject algorithm = published.getJsonObject("algorithm");
        assertEquals("logistic-regression", algorithm.getString("name"));
        JsonArray coefficients = algorithm.getJsonArray("coefficients").getJsonArray(0);
        assertEquals(expectedCoefficients.size(), coefficients.size());
        for (int j = 0; j < coefficients.size(); j++) {
            assertEquals(expectedCoefficients.getJsonNumber(j).doubleValue(), coefficients.getJsonNumber(j).doubleValue(),
                    1e-6, "coefficient " + j);
        }
        assertEquals(optimum.getJsonArray("intercept").getJsonNumber(0).doubleValue(),
                algorithm.getJsonArray("intercepts").getJsonNumber(0).doubleValue(), 1e-6);
        assertEquals(10, published.getJsonArray("features").size(), "a drift baseline per column");
        JsonObject roc = published.getJsonObject("roc");
        assertEquals("test", roc.getString("rows"), roc.toString());
        assertEquals(published.getJsonObject("metrics").getJsonObject("test").getJsonNumber("rocAuc").doubleValue(),
                roc.getJsonArray("curves").getJsonObject(0).getJsonNumber("auc").doubleValue(), 1e-12);

        HttpResponse<String> listed = client.get("trainings");
        assertTrue(json(listed).asJsonArray().getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> e.getJsonNumber("id").longValue() == execution.getJsonNumber("id").longValue()));
    }

    @Test
    void jmsRequestStartsTheJobAndTheTopicAnnouncesTheVersion() throws Exception {
        TestData.copyReferenceSet("seed", "seed-jms");
        String model = "jms-" + UUID.randomUUID().toString().substring(0, 8);
        try (JMSContext context = connectionFactory.createContext()) {
            JMSConsumer events = context.createConsumer(modelEvents, "model = '" + model + "'");
            context.createProducer().send(trainingRequests, request(model, "seed-jms", Map.of("cvFolds", 0)));

            Message event = events.receive(120_000);
            assertNotNull(event, "no model event for " + model);
            JsonObject announced = Json.createReader(new StringReader(((TextMessage) event).getText())).readObject();
            assertEquals("version-published", announced.getString("event"));
            assertEquals("version-published", event.getStringProperty("event"));
            assertEquals(model, announced.getString("model"));
            assertEquals(List.of(announced.getInt("version")), repository.versions(model));
        }
        JobOperator operator = BatchRuntime.getJobOperator();
        JobInstance instance = operator.getJobInstances("train-model", 0, 100).stream()
                .filter(i -> model.equals(operator.getParameters(operator.getJobExecutions(i).get(0).getExecutionId())
                        .getProperty("model")))
                .findFirst().orElseThrow();
        JobExecution execution = operator.getJobExecutions(instance).get(0);
        while (execution.getBatchStatus() == BatchStatus.STARTED || execution.getBatchStatus() == BatchStatus.STARTING) {
            BuilderClient.pause(100);
            execution = operator.getJobExecution(execution.getExecutionId());
        }
        assertEquals(BatchStatus.COMPLETED, execution.getBatchStatus());
    }

    @Test
    void malformedJmsRequestEndsInTheDeadLetterQueue() throws Exception {
        String marker = UUID.randomUUID().toString();
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer().setProperty("itCase", marker).send(trainingRequests, "{\"model\": ");
            context.createProducer().setProperty("itCase", marker + "-invalid")
                    .send(trainingRequests, request("jms-bad", "nowhere", Map.of("C", -1)));
            JMSConsumer deadLetters = context.createConsumer(this.deadLetters, "itCase LIKE '" + marker + "%'");
            Message first = deadLetters.receive(30_000);
            Message second = deadLetters.receive(30_000);
            assertNotNull(first, "the malformed request did not reach the DLQ");
            assertNotNull(second, "the invalid request did not reach the DLQ");
            assertEquals(java.util.Set.of("{\"model\": ", request("jms-bad", "nowhere", Map.of("C", -1))),
                    java.util.Set.of(first.getBody(String.class), second.getBody(String.class)));
        }
    }

    @Test
    @RunAsClient
    void failedJobPublishesNothingSurvivesARestartAndCompletesWhenRestarted() throws Exception {
        Path folder = TestData.copyReferenceSet("seed", "restart");
        Path trainData = folder.resolve("train_data.csv");
        String good = Files.readString(trainData);
        TestData.breakCell(trainData, 17, "abc");
        BuilderClient client = new BuilderClient(deploymentUrl);

        // Started as an operator does from jboss-cli or the console: no REST checks in front of the job
        ModelNode properties = new ModelNode();
        properties.get("model").set("restarted");
        properties.get("trainData").set("restart/train_data.csv");
        properties.get("trainLabels").set("restart/train_labels.csv");
        ModelNode startJob = Operations.createOperation("start-job",
                Operations.createAddress("deployment", DEPLOYMENT, "subsystem", "batch-jberet"));
        startJob.get("job-xml-name").set("train-model");
        startJob.get("properties").set(properties);
        long failedId = Operations.readResult(execute(startJob)).asLong();

        JsonObject failed = client.awaitEnd(failedId);
        assertEquals("FAILED", failed.getString("status"));
        assertTrue(failed.getString("failure").startsWith("validate-data: "), failed.toString());
        assertTrue(failed.getString("failure").contains("abc"), failed.toString());
        assertEquals(404, client.get("models/restarted/versions").statusCode(), "a failed job published a version");

        reloadServer(client);
        JsonObject remembered = json(client.get("trainings/" + failedId)).asJsonObject();
        assertEquals("FAILED", remembered.getString("status"));
        assertEquals(failed.getString("failure"), remembered.getString("failure"));

        Files.writeString(trainData, good);
        HttpResponse<String> restarted = client.post("trainings/" + failedId + "/restart", "", ADMIN);
        assertEquals(202, restarted.statusCode(), restarted.body());
        URI location = URI.create(restarted.headers().firstValue("Location").orElseThrow());
        JsonObject completed = client.awaitEnd(location);
        assertEquals("COMPLETED", completed.getString("status"), completed.toString());
        assertNotEquals(failedId, completed.getJsonNumber("id").longValue());
        assertEquals(failed.getJsonNumber("instanceId").longValue(), completed.getJsonNumber("instanceId").longValue());
        assertEquals(1, completed.getJsonObject("published").getInt("version"));
        assertEquals(1, json(client.get("models/restarted/versions")).asJsonArray().size());

        // Without a test set the curves pool the folds' validation rows; the folds ran as parallel partitions of a
        // restarted job, yet the curve is the one the command-line trainer pools in one thread
        JsonObject metadata = json(client.get("models/restarted/versions/1")).asJsonObject();
        assertEquals(10, metadata.getJsonArray("features").size(), "a drift baseline per column");
        JsonObject roc = metadata.getJsonObject("roc");
        assertEquals("cv", roc.getString("rows"), roc.toString());
        TrainingPipeline pipeline = new TrainingPipeline(TrainingParameters.defaults());
        Dataset train = pipeline.load(CsvSource.withLabelsFile(trainData, folder.resolve("train_labels.csv")), null)
                .train();
        ScoredRows heldOut = ScoredRows.pooled(pipeline.folds(train).stream()
                .map(fold -> pipeline.crossValidate(train, fold)).toList());
        assertEquals(heldOut.metrics().rocAuc(),
                roc.getJsonArray("curves").getJsonObject(0).getJsonNumber("auc").doubleValue(), 1e-12);

        HttpResponse<String> again = client.post("trainings/" + completed.getJsonNumber("id") + "/restart", "", ADMIN);
        assertProblem(again, 409, "urn:mlplatform:problem:conflict", "Conflict", "restart of a completed execution");
    }

    /**
     * The job trains and publishes the data its first step validated: a training file replaced between a
     * failed run and its restart fails the restarted fit, naming the file; and a version published by a
     * restart (of the publish step alone) records the digest of the file as validated, not as it is now.
     */
    @Test
    @RunAsClient
    void aRestartTrainsAndPublishesOnlyTheDataAsValidated() throws Exception {
        BuilderClient client = new BuilderClient(deploymentUrl);

        // Features near 1e200 without scaling: validate-data accepts them, the fit breaks down
        Path breakdown = Files.createDirectories(TestData.dataDir().resolve("replaced-fit"));
        StringBuilder huge = new StringBuilder();
        StringBuilder small = new StringBuilder();
        StringBuilder labels = new StringBuilder();
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int i = 0; i < 60; i++) {
            double x = random.nextDouble();
            double y = random.nextDouble();
            huge.append(x * 1e200).append(',').append(y * 1e200).append('\n');
            small.append(x).append(',').append(y).append('\n');
            labels.append(i % 2).append('\n');
        }
        Files.writeString(breakdown.resolve("train_data.csv"), huge);
        Files.writeString(breakdown.resolve("train_labels.csv"), labels);
        String body = Json.createObjectBuilder().add("model", "replaced-fit").add("trainData", "replaced-fit/train_data.csv")
                .add("trainLabels", "replaced-fit/train_labels.csv").add("scaler", "none").add("cvFolds", 0).build().toString();
        HttpResponse<String> submitted = client.post("trainings", body, ADMIN);
        assertEquals(202, submitted.statusCode(), submitted.body());
        JsonObject brokeDown = client.awaitEnd(URI.create(submitted.headers().firstValue("Location").orElseThrow()));
        assertEquals("FAILED", brokeDown.getString("status"), brokeDown.toString());
        assertTrue(brokeDown.getString("failure").startsWith("fit-and-evaluate: solver"), brokeDown.toString());

        Files.writeString(breakdown.resolve("train_data.csv"), small);
        JsonObject refused = client.awaitEnd(restart(client, brokeDown));
        assertEquals("FAILED", refused.getString("status"), refused.toString());
        assertTrue(refused.getString("failure").startsWith("fit-and-evaluate: trainData: replaced-fit/train_data.csv "
                + "changed since validate-data read it"), refused.toString());
        assertEquals(404, client.get("models/replaced-fit/versions").statusCode(), "a refused job published a version");

        // A file where the model's folder belongs fails publish after the fit
        Path trainData = TestData.copyReferenceSet("seed", "replaced-publish").resolve("train_data.csv");
        String validated = sha256(trainData);
        Path blocker = Files.createDirectories(Path.of(System.getProperty("it.models.dir"))).resolve("replaced-publish");
        Files.writeString(blocker, "not a model folder");
        submitted = client.post("trainings", request("replaced-publish", "replaced-publish", Map.of("cvFolds", 0)), ADMIN);
        assertEquals(202, submitted.statusCode(), submitted.body());
        JsonObject unpublished = client.awaitEnd(URI.create(submitted.headers().firstValue("Location").orElseThrow()));
        Files.delete(blocker);
        assertEquals("FAILED", unpublished.getString("status"), unpublished.toString());
        assertTrue(unpublished.getString("failure").startsWith("publish: "), unpublished.toString());

        TestData.breakCell(trainData, 1, "0.5");
        assertNotEquals(validated, sha256(trainData));
        JsonObject published = client.awaitEnd(restart(client, unpublished));
        assertEquals("COMPLETED", published.getString("status"), published.toString());
        JsonObject metadata = json(client.get("models/replaced-publish/versions/1")).asJsonObject();
        assertEquals(validated, metadata.getJsonObject("dataset").getJsonObject("files").getString("train_data.csv"),
                metadata.toString());
    }

    private static URI restart(BuilderClient client, JsonObject execution) {
        HttpResponse<String> restarted = client.post("trainings/" + execution.getJsonNumber("id") + "/restart", "", ADMIN);
        assertEquals(202, restarted.statusCode(), restarted.body());
        return URI.create(restarted.headers().firstValue("Location").orElseThrow());
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }

    @Test
    @RunAsClient
    void writesNeedTheModelAdminRole() {
        BuilderClient client = new BuilderClient(deploymentUrl);
        String body = request("roles", "seed", Map.of());
        HttpResponse<String> anonymous = client.post("trainings", body, null);
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertEquals(403, client.post("trainings", body, VIEWER).statusCode());
        assertEquals(401, client.post("trainings", body, "it-admin:wrong-password").statusCode());
        assertEquals(401, client.put("models/roles/aliases/production", "{\"version\": 1}", null).statusCode());
        assertEquals(403, client.delete("models/roles/versions/1", VIEWER).statusCode());
        assertEquals(403, client.post("trainings/1/restart", "", VIEWER).statusCode());
        assertEquals(200, client.get("trainings").statusCode());
        assertEquals(200, client.get("models").statusCode());
    }

    @Test
    @RunAsClient
    void badRequestsAre400ProblemsNamingTheField() throws IOException {
        Path folder = TestData.copyReferenceSet("seed", "checks");
        Path outside = Files.writeString(TestData.dataDir().resolveSibling("outside.csv"), "1,2\n");
        Files.deleteIfExists(folder.resolve("escape.csv"));
        Files.createSymbolicLink(folder.resolve("escape.csv"), outside);
        Files.writeString(folder.resolve("one_class.csv"), "0\n".repeat(400));
        BuilderClient client = new BuilderClient(deploymentUrl);

        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("trainData", request("m", "checks", Map.of()).replace("checks/train_data.csv", "../../etc/passwd"));
        cases.put("trainLabels", request("m", "checks", Map.of()).replace("checks/train_labels.csv", outside.toString()));
        cases.put("testData", request("m", "checks", Map.of("testData", "checks/escape.csv",
                "testLabels", "checks/test_labels.csv")));
        cases.put("testLabels", request("m", "checks", Map.of("testData", "checks/test_data.csv",
                "testLabels", "checks/missing.csv")));
        cases.put("C", request("m", "checks", Map.of("C", 0)));
        cases.put("scaler", request("m", "checks", Map.of("scaler", "minmax")));
        cases.put("learningRate", request("m", "checks", Map.of("learningRate", 0.1)));
        cases.put("cvFolds", request("m", "checks", Map.of("cvFolds", 500)));
        cases.put("model", request("../m", "checks", Map.of()));
        cases.put("body", "{\"model\": \"m\",");
        cases.put(null, request("m", "checks", Map.of()).replace("checks/train_labels.csv", "checks/one_class.csv"));

        for (var entry : cases.entrySet()) {
            HttpResponse<String> response = client.post("trainings", entry.getValue(), ADMIN);
            assertEquals(400, response.statusCode(), entry.getKey() + ": " + response.body());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
            JsonObject problem = json(response).asJsonObject();
            assertEquals(400, problem.getInt("status"));
            if (entry.getKey() != null) {
                assertEquals(entry.getKey(), problem.getString("field"), response.body());
            } else {
                assertEquals("trainLabels", problem.getString("field"), response.body());
            }
            assertTrue(!response.body().contains("Exception"), response.body());
        }
        assertEquals(404, client.get("trainings/987654").statusCode());
    }

    /**
     * The probe's requests of issue 7 (part 3) against the builder, each a 4xx problem of its kind, in the
     * platform's vocabulary: the same type and title the inference service answers for the same mistake.
     */
    @Test
    @RunAsClient
    void malformedBodiesAndPathsAre400ProblemsOfTheirOwnKind() throws IOException {
        TestData.copyReferenceSet("seed", "probe");
        BuilderClient client = new BuilderClient(deploymentUrl);
        String good = request("probe", "probe", Map.of("cvFolds", 0));
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        Path uploads = TestData.dataDir().resolve("uploads");
        long uploadsBefore = countFiles(uploads);

        // title by mistake: what the inference service calls the same one
        Map<String, String> titles = new LinkedHashMap<>();
        Map<String, HttpResponse<String>> malformed = new LinkedHashMap<>();
        malformed.put("deep body", client.post("trainings", "{\"model\": " + deep + "}", ADMIN));
        titles.put("deep body", "Malformed request");
        malformed.put("deep document", client.post("trainings", deep, ADMIN));
        malformed.put("trailing garbage", client.post("trainings", good + " garbage", ADMIN));
        malformed.put("second document", client.post("trainings", good + good, ADMIN));
        malformed.put("not JSON", client.post("trainings", "model=probe", ADMIN));
        malformed.put("duplicate member", client.post("trainings", good.replace("{", "{\"cvFolds\": 2, "), ADMIN));
        titles.put("duplicate member", "Duplicate member");
        malformed.put("deep parameters part", client.postParts("trainings", List.of(
                BuilderClient.Part.file("trainData", "train.csv", "1,2\n3,4\n"),
                BuilderClient.Part.json("parameters", "{\"model\": " + deep + "}")), ADMIN));
        titles.put("deep parameters part", "Malformed request");
        malformed.put("deep alias", client.put("models/probe/aliases/production", "{\"version\": " + deep + "}", ADMIN));
        titles.put("deep alias", "Malformed request");
        malformed.put("alias twice", client.put("models/probe/aliases/production", "{\"version\": 1, \"version\": 2}", ADMIN));
        titles.put("alias twice", "Duplicate member");
        for (var entry : malformed.entrySet()) {
            assertProblem(entry.getValue(), 400, "urn:mlplatform:problem:invalid-request",
                    titles.getOrDefault(entry.getKey(), "Malformed JSON"), entry.getKey());
        }
        HttpResponse<String> noBoundary = client.send("trainings", "multipart/form-data", "--x--\r\n", ADMIN);
        assertProblem(noBoundary, 415, "urn:mlplatform:problem:unsupported-media-type", "Unsupported Media Type",
                "multipart without a boundary");

        HttpResponse<String> twoFiles = client.postParts("trainings", List.of(
                BuilderClient.Part.file("trainData", "a.csv", Files.readString(TestData.dataDir().resolve("probe/train_data.csv"))),
                BuilderClient.Part.file("trainData", "b.csv", "1,2\n3,4\n"),
                BuilderClient.Part.file("trainLabels", "l.csv", Files.readString(TestData.dataDir().resolve("probe/train_labels.csv")))),
                ADMIN);
        assertProblem(twoFiles, 400, "urn:mlplatform:problem:invalid-request", "Invalid training request", "two trainData parts");
        assertEquals("trainData", json(twoFiles).asJsonObject().getString("field"));
        HttpResponse<String> badC = client.postParts("trainings", List.of(
                BuilderClient.Part.file("trainData", "a.csv", Files.readString(TestData.dataDir().resolve("probe/train_data.csv"))
                        + "0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5\n"),
                BuilderClient.Part.file("trainLabels", "l.csv", Files.readString(TestData.dataDir().resolve("probe/train_labels.csv")) + "1\n"),
                BuilderClient.Part.json("parameters", "{\"model\": \"probe\", \"C\": 1e-320}")), ADMIN);
        assertProblem(badC, 400, "urn:mlplatform:problem:invalid-request", "Invalid training request", "C = 1e-320");
        assertEquals("C", json(badC).asJsonObject().getString("field"));
        assertEquals(uploadsBefore, countFiles(uploads), "a refused upload stayed in " + uploads);

        for (String version : new String[] {"4294967297", "1.5", "4.9", "0"}) {
            HttpResponse<String> alias = client.put("models/probe/aliases/production", "{\"version\": " + version + "}", ADMIN);
            assertProblem(alias, 400, "urn:mlplatform:problem:invalid-request", "Invalid alias request", version);
        }
        for (String option : new String[] {"\"maxIter\": 4294967297", "\"cvFolds\": 2.5", "\"seed\": 1.5",
                "\"maxIter\": 1.5", "\"tol\": 1e-320"}) {
            HttpResponse<String> response = client.post("trainings", good.replace("{", "{" + option + ", ")
                    .replace("\"cvFolds\":0,", "").replace(",\"cvFolds\":0", ""), ADMIN);
            assertProblem(response, 400, "urn:mlplatform:problem:invalid-request", "Invalid training request", option);
        }

        // a malformed path number is 400 invalid-request, as GET /api/models/{m}/versions/-1 is on the inference service
        for (String path : new String[] {"trainings/abc", "trainings/-1"}) {
            assertProblem(client.get(path), 400, "urn:mlplatform:problem:invalid-request", "Invalid execution id", path);
        }
        for (String path : new String[] {"models/probe/versions/abc", "models/probe/versions/-1", "models/probe/versions/4294967297"}) {
            assertProblem(client.get(path), 400, "urn:mlplatform:problem:invalid-request", "Invalid version", path);
        }
        assertProblem(client.post("trainings/abc/restart", "", ADMIN), 400,
                "urn:mlplatform:problem:invalid-request", "Invalid execution id", "restart abc");
        assertProblem(client.get("trainings/987654"), 404, "urn:mlplatform:problem:not-found", "Not Found", "unknown execution");
        assertProblem(client.get("models/no-such-model/versions/1"), 404, "urn:mlplatform:problem:not-found", "Not Found",
                "unknown model");
        assertProblem(client.get("no-such-resource"), 404, "urn:mlplatform:problem:not-found", "Not Found", "unknown URL");
    }

    @Test
    @RunAsClient
    void aBadCellNamesTheFieldAndThePathOfItsFile() throws IOException {
        Path a = TestData.copyReferenceSet("seed", "same-name/a");
        Path b = TestData.copyReferenceSet("seed", "same-name/b");
        Files.move(a.resolve("train_data.csv"), a.resolve("data.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.move(b.resolve("test_data.csv"), b.resolve("data.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        TestData.breakCell(a.resolve("data.csv"), 17, "abc");
        BuilderClient client = new BuilderClient(deploymentUrl);
        String body = Json.createObjectBuilder().add("model", "same-name")
                .add("trainData", "same-name/a/data.csv").add("trainLabels", "same-name/a/train_labels.csv")
                .add("testData", "same-name/b/data.csv").add("testLabels", "same-name/b/test_labels.csv")
                .build().toString();

        HttpResponse<String> response = client.post("trainings", body, ADMIN);

        assertProblem(response, 400, "urn:mlplatform:problem:invalid-request", "Invalid training request", "bad cell");
        JsonObject problem = json(response).asJsonObject();
        assertEquals("trainData", problem.getString("field"));
        assertTrue(problem.getString("detail").startsWith("same-name/a/data.csv line 17, column 2: \"abc\""),
                problem.toString());
    }

    @Test
    @RunAsClient
    void aSolverBreakdownIsTheFailureReasonAndNoPathIsAbsolute() throws IOException {
        Path folder = TestData.dataDir().resolve("breakdown");
        Files.createDirectories(folder);
        StringBuilder rows = new StringBuilder();
        StringBuilder labels = new StringBuilder();
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int i = 0; i < 60; i++) {
            rows.append(random.nextDouble() * 1e200).append(',').append(random.nextDouble() * 1e200).append('\n');
            labels.append(i % 2).append('\n');
        }
        Files.writeString(folder.resolve("train_data.csv"), rows);
        Files.writeString(folder.resolve("train_labels.csv"), labels);
        BuilderClient client = new BuilderClient(deploymentUrl);
        // an absolute path inside the data folder is accepted; the status shows it relative
        String body = Json.createObjectBuilder().add("model", "breakdown")
                .add("trainData", folder.resolve("train_data.csv").toAbsolutePath().toString())
                .add("trainLabels", "breakdown/train_labels.csv").add("scaler", "none").add("cvFolds", 0)
                .build().toString();

        HttpResponse<String> submitted = client.post("trainings", body, ADMIN);
        assertEquals(202, submitted.statusCode(), submitted.body());
        JsonObject execution = client.awaitEnd(URI.create(submitted.headers().firstValue("Location").orElseThrow()));

        assertEquals("FAILED", execution.getString("status"), execution.toString());
        assertTrue(execution.getString("failure").startsWith("fit-and-evaluate: solver newton-cholesky broke down"),
                execution.toString());
        assertEquals("breakdown/train_data.csv", execution.getJsonObject("parameters").getString("trainData"));
        String root = TestData.dataDir().toAbsolutePath().normalize().toString();
        assertFalse(client.get("trainings").body().contains(root), "an absolute data path in the execution list");
        assertEquals(404, client.get("models/breakdown/versions").statusCode(), "a failed job published a version");
    }

    /**
     * kill -9 of the server in the middle of a job, then the same server command started again (the
     * managed container cannot restart a process it did not stop): the execution is FAILED with the
     * reason, not STARTED for ever, and a restart completes it. Runs last: every later request would
     * meet the relaunched server, which a shutdown hook of this JVM stops.
     */
    @Test
    @RunAsClient
    @Order(Integer.MAX_VALUE)
    void anExecutionCutOffByAKilledServerFailsWhenTheServerStartsAgainAndRestarts() throws Exception {
        Path folder = TestData.dataDir().resolve("crash");
        Files.createDirectories(folder);
        // SMOTE's nearest-neighbour search over 15,000 minority rows per fold keeps the job busy for seconds
        StringBuilder rows = new StringBuilder();
        StringBuilder labels = new StringBuilder();
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        for (int i = 0; i < 60_000; i++) {
            double signal = random.nextDouble() * 2 - 1;
            for (int j = 0; j < 10; j++) {
                rows.append(j == 0 ? signal : random.nextDouble()).append(j == 9 ? '\n' : ',');
            }
            labels.append(signal + 0.3 * (random.nextDouble() - 0.5) > 0.5 ? 1 : 0).append('\n');
        }
        Files.writeString(folder.resolve("train_data.csv"), rows);
        Files.writeString(folder.resolve("train_labels.csv"), labels);
        BuilderClient client = new BuilderClient(deploymentUrl);
        HttpResponse<String> submitted = client.post("trainings", request("crashed", "crash",
                Map.of("resample", "smote", "cvFolds", 3)), ADMIN);
        assertEquals(202, submitted.statusCode(), submitted.body());
        long id = json(submitted).asJsonObject().getJsonNumber("id").longValue();
        awaitStep(client, id, "cross-validate");

        long pid = Long.parseLong(Operations.readResult(execute(Operations.createReadAttributeOperation(
                Operations.createAddress("core-service", "platform-mbean", "type", "runtime"), "name")))
                .asString().split("@")[0]);
        ProcessHandle server = ProcessHandle.of(pid).orElseThrow();
        List<String> command = new java.util.ArrayList<>();
        command.add(server.info().command().orElseThrow());
        command.addAll(List.of(server.info().arguments().orElseThrow()));
        Path workingDirectory = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd"));
        Map<String, String> environment = new LinkedHashMap<>();
        for (String variable : new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ")),
                java.nio.charset.StandardCharsets.UTF_8).split("\0")) {
            int equals = variable.indexOf('=');
            if (equals > 0) {
                environment.put(variable.substring(0, equals), variable.substring(equals + 1));
            }
        }
        assertTrue(server.destroyForcibly(), "kill -9 of the server");
        server.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);

        ProcessBuilder relaunch = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "relaunched-server.log").toFile());
        relaunch.environment().clear();
        relaunch.environment().putAll(environment);
        Process relaunched = relaunch.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(relaunched)));
        long deadline = System.nanoTime() + 180_000_000_000L;
        HttpResponse<String> after = null;
        while (System.nanoTime() < deadline && relaunched.isAlive()) {
            BuilderClient.pause(500);
            try {
                after = client.get("trainings/" + id);
                if (after.statusCode() == 200) {
                    break;
                }
            } catch (RuntimeException stillStarting) {
                // connection refused until the server listens
            }
        }
        assertTrue(after != null && after.statusCode() == 200, "the relaunched server did not answer; see target/relaunched-server.log");

        JsonObject failed = json(after).asJsonObject();
        assertEquals("FAILED", failed.getString("status"), failed.toString());
        assertEquals("the server stopped during the job", failed.getString("failure"), failed.toString());
        assertTrue(failed.getJsonArray("steps").getValuesAs(JsonObject.class).stream()
                .noneMatch(step -> step.getString("status").startsWith("START")), failed.toString());

        HttpResponse<String> restarted = client.post("trainings/" + id + "/restart", "", ADMIN);
        assertEquals(202, restarted.statusCode(), restarted.body());
        JsonObject completed = client.awaitEnd(URI.create(restarted.headers().firstValue("Location").orElseThrow()));
        assertEquals("COMPLETED", completed.getString("status"), completed.toString());
        assertEquals(1, completed.getJsonObject("published").getInt("version"));
        JsonObject crossValidation = json(client.get("models/crashed/versions/1")).asJsonObject()
                .getJsonObject("metrics").getJsonObject("cv");
        assertEquals(3, crossValidation.getJsonArray("perFold").size(),
                "every fold ran, including those that had not started at the kill: " + crossValidation);
    }

    private static void awaitStep(BuilderClient client, long id, String step) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonObject execution = json(client.get("trainings/" + id)).asJsonObject();
            assertTrue(execution.getString("status").startsWith("START"), "the job ended before the kill: " + execution);
            if (execution.getJsonArray("steps").getValuesAs(JsonObject.class).stream()
                    .anyMatch(s -> s.getString("name").equals(step))) {
                return;
            }
            BuilderClient.pause(100);
        }
        fail("step " + step + " of execution " + id + " did not start");
    }

    /** Stops a server this test started: SIGTERM (a graceful shutdown), SIGKILL if it hangs. */
    private static void stop(Process server) {
        server.destroy();
        try {
            if (!server.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        } catch (InterruptedException e) {
            server.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type, String title, String what) {
        assertEquals(status, response.statusCode(), what + ": " + response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""), what);
        JsonObject problem = json(response).asJsonObject();
        assertEquals(type, problem.getString("type"), what + ": " + response.body());
        assertEquals(title, problem.getString("title"), what + ": " + response.body());
        assertEquals(status, problem.getInt("status"), what);
        assertFalse(response.body().contains("Exception") || response.body().contains("RESTEASY"), what + ": " + response.body());
    }

    private static long countFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (var files = Files.list(folder)) {
            return files.count();
        }
    }

    @Test
    @RunAsClient
    void multipartUploadStoresFilesByHashAndTrains() throws IOException {
        Path folder = TestData.copyReferenceSet("seed", "upload-source");
        BuilderClient client = new BuilderClient(deploymentUrl);
        HttpResponse<String> submitted = client.postMultipart("trainings",
                Map.of("trainData", folder.resolve("train_data.csv"), "trainLabels", folder.resolve("train_labels.csv")),
                Map.of("model", "uploaded", "cvFolds", "2", "C", "0.5"), ADMIN);
        assertEquals(202, submitted.statusCode(), submitted.body());
        JsonObject execution = client.awaitEnd(URI.create(submitted.headers().firstValue("Location").orElseThrow()));
        assertEquals("COMPLETED", execution.getString("status"), execution.toString());
        String stored = execution.getJsonObject("parameters").getString("trainData");
        assertTrue(stored.matches("uploads/[0-9a-f]{64}\\.csv"), stored);
        assertEquals(Files.readString(folder.resolve("train_data.csv")), Files.readString(TestData.dataDir().resolve(stored)));
    }

    @Test
    @RunAsClient
    void anOnnxFileTrainedElsewhereIsImportedAsTheNextVersionOrRefusedSayingWhatItLacks() throws IOException {
        BuilderClient client = new BuilderClient(deploymentUrl);
        Pipeline pipeline = Pipeline.random(3, List.of(0L, 1L), 29);
        byte[] zipMap = pipeline.onnx(true);
        byte[] tensor = pipeline.onnx(false);

        HttpResponse<String> first = client.postParts("models/imported/versions", List.of(onnxPart(zipMap),
                BuilderClient.Part.json("featureNames", "[\"age\", \"income\", \"tenure\"]")), ADMIN);
        assertEquals(201, first.statusCode(), first.body());
        assertTrue(first.headers().firstValue("Location").orElse("").endsWith("/models/imported/versions/1"),
                first.headers().toString());
        JsonObject metadata = json(first).asJsonObject();
        assertEquals(json(client.get("models/imported/versions/1")).asJsonObject(), metadata, "the body is the metadata.json");
        assertEquals("imported", metadata.getString("source"));
        assertEquals(1, metadata.getInt("version"));
        assertEquals("int64", metadata.getString("classLabelType"));
        assertEquals(Json.createArrayBuilder().add(0).add(1).build(), metadata.getJsonArray("classes"));
        assertEquals(3, metadata.getInt("featureCount"));
        assertEquals(List.of("age", "income", "tenure"), metadata.getJsonArray("featureNames").getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertFalse(metadata.containsKey("algorithm") || metadata.containsKey("trainingFingerprint"), metadata.toString());
        assertEquals(sha256(zipMap), metadata.getJsonObject("onnx").getString("sha256"));
        assertEquals("seq(map(int64,float))", metadata.getJsonObject("onnx").getJsonArray("outputs").getJsonObject(1).getString("type"));
        Path published = Path.of(System.getProperty("it.models.dir"), "imported", "1", "model.onnx");
        assertEquals(sha256(zipMap), sha256(Files.readAllBytes(published)), "the file is published unchanged");

        HttpResponse<String> second = client.postParts("models/imported/versions", List.of(onnxPart(tensor),
                BuilderClient.Part.json("classes", "[0, 1]")), ADMIN);
        assertEquals(201, second.statusCode(), second.body());
        assertEquals(2, json(second).asJsonObject().getInt("version"), "the next version");

        assertProblem(client.postParts("models/imported/versions", List.of(new BuilderClient.Part("onnx", "model.onnx",
                "application/octet-stream", "a,b\n1,2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))), ADMIN),
                415, "urn:mlplatform:problem:unsupported-media-type", "Unsupported Media Type", "a CSV file");
        byte[] labelsOnly = pipeline.graph(false).toBuilder().setGraph(pipeline.graph(false).getGraph().toBuilder().removeOutput(1))
                .build().toByteArray();
        HttpResponse<String> noProbabilities = client.postParts("models/imported/versions", List.of(onnxPart(labelsOnly)), ADMIN);
        assertProblem(noProbabilities, 400, "urn:mlplatform:problem:invalid-request", "Invalid model import", "no probabilities");
        assertEquals("onnx", json(noProbabilities).asJsonObject().getString("field"));
        assertTrue(json(noProbabilities).asJsonObject().getString("detail").contains("no probability output"), noProbabilities.body());
        HttpResponse<String> threeClasses = client.postParts("models/imported/versions", List.of(onnxPart(tensor),
                BuilderClient.Part.json("classes", "[0, 1, 2]")), ADMIN);
        assertProblem(threeClasses, 400, "urn:mlplatform:problem:invalid-request", "Invalid model import", "class count");
        assertEquals("classes", json(threeClasses).asJsonObject().getString("field"));
        assertEquals(401, client.postParts("models/imported/versions", List.of(onnxPart(tensor)), null).statusCode());
        assertEquals(403, client.postParts("models/imported/versions", List.of(onnxPart(tensor)), VIEWER).statusCode());
        assertEquals(List.of(1, 2), json(client.get("models/imported/versions")).asJsonArray().getValuesAs(JsonObject.class)
                .stream().map(v -> v.getInt("version")).toList(), "refused imports publish nothing");
    }

    private static BuilderClient.Part onnxPart(byte[] onnx) {
        return new BuilderClient.Part("onnx", "model.onnx", "application/octet-stream", onnx);
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @RunAsClient
    void productionAliasMovesAndProtectsItsVersion() {
        TestData.copyReferenceSet("seed", "registry");
        BuilderClient client = new BuilderClient(deploymentUrl);
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> submitted = client.post("trainings", request("registry", "registry", Map.of("cvFolds", 0)), ADMIN);
            assertEquals(202, submitted.statusCode(), submitted.body());
            assertEquals("COMPLETED", client.awaitEnd(URI.create(submitted.headers().firstValue("Location").orElseThrow()))
                    .getString("status"));
        }
        HttpResponse<String> promoted = client.put("models/registry/aliases/production", "{\"version\": 1}", ADMIN);
        assertEquals(200, promoted.statusCode(), promoted.body());
        assertProblem(client.delete("models/registry/versions/1", ADMIN), 409, "urn:mlplatform:problem:conflict", "Conflict",
                "delete of an alias target");
        assertProblem(client.put("models/registry/aliases/production", "{\"version\": 9}", ADMIN), 404,
                "urn:mlplatform:problem:not-found", "Not Found", "alias to a missing version");
        assertEquals(400, client.put("models/registry/aliases/production", "{\"version\": ", ADMIN).statusCode());
        assertEquals(204, client.delete("models/registry/versions/2", ADMIN).statusCode());

        JsonArray versions = json(client.get("models/registry/versions")).asJsonArray();
        assertEquals(1, versions.size());
        assertEquals("production", versions.getJsonObject(0).getJsonArray("aliases").getString(0));
        JsonObject model = json(client.get("models")).asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("model").equals("registry")).findFirst().orElseThrow();
        assertEquals(1, model.getJsonObject("aliases").getInt("production"));
    }

    @Test
    @RunAsClient
    void readinessAndOpenApiCoverTheBuilder() throws Exception {
        URI management = URI.create("http://" + deploymentUrl.getHost() + ":" + System.getProperty("it.management.port"));
        HttpResponse<String> ready = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(management.resolve("/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready.body());
        Map<String, String> checks = new LinkedHashMap<>();
        json(ready).asJsonObject().getJsonArray("checks").getValuesAs(JsonObject.class)
                .forEach(check -> checks.put(check.getString("name"), check.getString("status")));
        assertEquals("UP", checks.get("job-repository"), ready.body());
        assertEquals("UP", checks.get("model-folder"), ready.body());
        assertFalse(ready.body().contains(Path.of(System.getProperty("it.models.dir")).toAbsolutePath().toString()),
                "the public readiness answer shows the model folder's absolute path: " + ready.body());

        URI openApi = URI.create(deploymentUrl.getProtocol() + "://" + deploymentUrl.getHost() + ":"
                + deploymentUrl.getPort() + "/builder/openapi");
        HttpResponse<String> document = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(openApi).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, document.statusCode());
        JsonObject paths = json(document).asJsonObject().getJsonObject("paths");
        for (String path : List.of("/builder/api/trainings", "/builder/api/trainings/{id}",
                "/builder/api/trainings/{id}/restart", "/builder/api/trainings/{id}/stop", "/builder/api/models",
                "/builder/api/models/{model}/versions", "/builder/api/models/{model}/versions/{version}",
                "/builder/api/models/{model}/aliases/{alias}")) {
            assertTrue(paths.containsKey(path), path + " missing from " + paths.keySet());
        }
        JsonObject submit = paths.getJsonObject("/builder/api/trainings").getJsonObject("post");
        assertTrue(submit.getJsonObject("requestBody").getJsonObject("content").getJsonObject("application/json")
                .containsKey("examples"), submit.toString());
    }

    private long trainingServiceInvocations() throws IOException {
        ModelNode bean = Operations.createAddress("deployment", DEPLOYMENT, "subsystem", "ejb3",
                "stateless-session-bean", "TrainingService");
        return Operations.readResult(execute(Operations.createReadAttributeOperation(bean, "invocations"))).asLong();
    }

    private ModelNode execute(ModelNode operation) throws IOException {
        ModelNode result = management.getControllerClient().execute(operation);
        if (!Operations.isSuccessfulOutcome(result)) {
            fail(Operations.getFailureDescription(result).asString());
        }
        return result;
    }

    /** Restarts the server in its process (management operation reload) and waits for the deployment. */
    private void reloadServer(BuilderClient client) throws IOException {
        execute(Operations.createOperation("reload"));
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            BuilderClient.pause(500);
            try {
                ModelNode state = management.getControllerClient()
                        .execute(Operations.createReadAttributeOperation(new ModelNode().setEmptyList(), "server-state"));
                if (Operations.isSuccessfulOutcome(state) && "running".equals(Operations.readResult(state).asString())
                        && client.get("trainings").statusCode() == 200) {
                    return;
                }
            } catch (IOException | RuntimeException stillReloading) {
                // the management connection drops while the server reloads
            }
        }
        fail("the server did not come back from reload");
    }
}
