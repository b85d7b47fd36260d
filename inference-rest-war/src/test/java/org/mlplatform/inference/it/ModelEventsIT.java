package org.mlplatform.inference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.BooleanSupplier;
import java.util.List;
import java.util.stream.Stream;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mlplatform.inference.models.control.ModelLease;
import org.mlplatform.inference.models.control.ModelState;
import org.mlplatform.inference.models.control.ServedModels;
import org.mlplatform.inference.models.control.VersionSelector;
import org.mlplatform.inference.testing.ReferenceCase;
import org.mlplatform.inference.testing.TestRepository;

/**
 * Runs inside the server: the model-events MDB loads an announced version. To tell the MDB's work
 * from the periodic scan's, the version first fails its checksum (a scan never retries a failed
 * version); the file is then repaired and only the event makes the service load it.
 * Uses only the JDK, JMS and the WAR's own classes, which is all the server has.
 */
@ExtendWith(ArquillianExtension.class)
class ModelEventsIT {

    private static final String MODEL = "it-events";

    @Inject
    ServedModels served;

    @Inject
    JMSContext jms;

    @Resource(lookup = "java:/jms/topic/ModelEvents")
    Topic modelEvents;

    /** Writes a servable version outside the repository (client side, where the test-model builder is). */
    @Deployment
    static WebArchive deployment() {
        Path fixtures = ItSupport.modelsDir().toAbsolutePath().resolveSibling("it-fixtures");
        ItSupport.deleteModel(MODEL);
        ItSupport.deleteTree(fixtures);
        // two versions of the same graph: metadata.json names its own model and version (docs/model-repository.md)
        byte[] onnx = ReferenceCase.load("seed", "raw_C1").onnx();
        new TestRepository(fixtures).publish(MODEL, 1, onnx, 10, 2, List.of());
        new TestRepository(fixtures).publish(MODEL, 2, onnx, 10, 2, List.of());
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/inference-rest-war.war"))
                .addClass(ModelEventsIT.class);
    }

    @Test
    void aPublishedVersionAnnouncedOnTheTopicIsLoaded() throws Exception {
        Path root = Path.of(System.getenv("MLPLATFORM_MODELS_DIR"));
        Path modelDir = root.resolve(MODEL);
        deleteRecursively(modelDir);
        Path fixtures = root.resolveSibling("it-fixtures").resolve(MODEL);
        copyVersion(fixtures.resolve("1"), modelDir.resolve("1"));
        await("version 1 loaded by the scan", () -> served.state(MODEL).map(state -> state.loaded().containsKey(1)).orElse(false));

        Path staging = modelDir.resolve(".staging-2");
        copyVersion(fixtures.resolve("2"), staging);
        Path modelFile = staging.resolve("model.onnx");
        byte[] original = Files.readAllBytes(modelFile);
        byte[] tampered = original.clone();
        tampered[tampered.length - 3] ^= 1;
        Files.write(modelFile, tampered);
        Files.move(staging, modelDir.resolve("2"), StandardCopyOption.ATOMIC_MOVE);
        await("version 2 rejected", () -> served.state(MODEL).map(state -> state.failures().containsKey(2)).orElse(false));

        Files.write(modelDir.resolve("2").resolve("model.onnx"), original);
        Thread.sleep(3_000);
        ModelState beforeEvent = served.state(MODEL).orElseThrow();
        assertTrue(!beforeEvent.loaded().containsKey(2), "the scan alone does not retry a failed version");

        jms.createProducer()
                .setProperty("event", "version-published")
                .setProperty("model", MODEL)
                .send(modelEvents, "{\"event\":\"version-published\",\"model\":\"" + MODEL + "\",\"version\":2}");
        await("version 2 loaded after the event", () -> served.state(MODEL).map(state -> state.loaded().containsKey(2)).orElse(false));
        try (ModelLease latest = served.lease(MODEL, VersionSelector.LATEST)) {
            assertEquals(2, latest.version().version());
        }
        deleteRecursively(modelDir);
    }

    private static void copyVersion(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        Files.copy(from.resolve("metadata.json"), to.resolve("metadata.json"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(from.resolve("model.onnx"), to.resolve("model.onnx"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting: " + what);
            }
            Thread.sleep(200);
        }
    }
}
