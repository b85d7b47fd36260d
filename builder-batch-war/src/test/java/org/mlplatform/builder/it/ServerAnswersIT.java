package org.mlplatform.builder.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
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
 * Issue 7, part 3, items 1, 9, 13, 14: what the server answers itself for the builder (the BASIC login's
 * 401, 404 outside the API, a malformed Authorization header) is application/problem+json, and the
 * unauthenticated health endpoint shows no absolute path. Client side only.
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

    @Test
    void readinessShowsNoAbsolutePath() throws Exception {
        int managementPort = Integer.parseInt(System.getProperty("it.management.port", "10090"));
        HttpResponse<String> health = send(HttpRequest.newBuilder(URI.create("http://" + base.getHost() + ":" + managementPort + "/health/ready")));
        assertTrue(health.body().contains("model-folder"), health.body());
        String models = Path.of(System.getenv().getOrDefault("MLPLATFORM_MODELS_DIR", "target/it-models")).toAbsolutePath().toString();
        assertFalse(health.body().contains(models), health.body());
        assertFalse(health.body().contains(Path.of("").toAbsolutePath().toString()), health.body());
    }
}
