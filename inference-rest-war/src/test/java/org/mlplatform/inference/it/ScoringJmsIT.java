package org.mlplatform.inference.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mlplatform.inference.scorings.control.ScoringJobs;
import org.mlplatform.inference.scorings.entity.ScoringExecution;
import org.mlplatform.inference.testing.ReferenceCase;
import org.mlplatform.inference.testing.TestRepository;

/** Runs inside the server: a JSON message on the ScoringRequests queue (jms.cli) starts a score-file job. */
@ExtendWith(ArquillianExtension.class)
class ScoringJmsIT {

    private static final String MODEL = "it-score-jms";

    @Inject
    JMSContext jms;

    @Resource(lookup = "java:/jms/queue/ScoringRequests")
    Queue scoringRequests;

    @Inject
    ScoringJobs jobs;

    /** Model and input are written client side, where the test-model builder and the reference files are. */
    @Deployment
    static WebArchive deployment() throws IOException {
        ItSupport.deleteModel(MODEL);
        new TestRepository(ItSupport.modelsDir()).publish(MODEL, 1, ReferenceCase.load("seed", "raw_C1").onnx(), 10, 2, List.of());
        Path data = Path.of(System.getenv().getOrDefault("MLPLATFORM_DATA_DIR", "target/it-data")).resolve("jms");
        ItSupport.deleteTree(data);
        Files.createDirectories(data);
        Files.copy(ReferenceCase.load("seed", "raw_C1").testDataFile(), data.resolve("test.csv"));
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/inference-rest-war.war")).addClass(ScoringJmsIT.class);
    }

    @Test
    void aMessageOnTheScoringQueueStartsAJob() throws Exception {
        jms.createProducer().send(scoringRequests, "{\"model\": \"" + MODEL + "\", \"input\": \"jms/test.csv\", \"version\": 1}");
        long deadline = System.nanoTime() + 120_000_000_000L;
        Optional<ScoringExecution> execution = Optional.empty();
        while (System.nanoTime() < deadline) {
            execution = jobs.list().stream().filter(e -> MODEL.equals(e.model())).findFirst();
            if (execution.isPresent() && List.of("COMPLETED", "FAILED").contains(execution.get().status())) {
                break;
            }
            Thread.sleep(200);
        }
        assertTrue(execution.isPresent(), "no job started from the message");
        assertEquals("COMPLETED", execution.get().status(), execution.get().toString());
        assertEquals(80, execution.get().rowsDone());
        Path data = Path.of(System.getenv("MLPLATFORM_DATA_DIR"));
        assertEquals(81, Files.readAllLines(data.resolve(execution.get().output())).size());
    }
}
