package org.mlplatform.inference.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlplatform.inference.models.control.ModelLoadException;
import org.mlplatform.inference.models.control.ModelLoader;
import org.mlplatform.inference.models.control.OnnxSessionFactory;
import org.mlplatform.inference.testing.OnnxTestModels;
import org.mlplatform.inference.testing.TestRepository;
import org.mlplatform.repository.ModelRepository;

/** The reason label of a failed load comes from what the real loader reports, for each kind of broken version. */
class LoadFailureReasonTest {

    @TempDir
    Path models;

    private String reasonFor(String model) {
        ModelLoader loader = new ModelLoader(new ModelRepository(models), new OnnxSessionFactory(), Clock.systemUTC());
        try {
            loader.load(model, 1);
        } catch (ModelLoadException e) {
            return LoadFailureReason.of(e);
        }
        throw new AssertionError("version 1 of " + model + " loaded");
    }

    @Test
    void missingModelFile() throws Exception {
        new TestRepository(models).publish("m", 1, OnnxTestModels.wronglyNamedOutputs(10), 10, 2, java.util.List.of());
        Files.delete(models.resolve("m/1/model.onnx"));
        assertEquals(LoadFailureReason.MISSING_FILE, reasonFor("m"));
    }

    @Test
    void checksumMismatch() throws Exception {
        new TestRepository(models).publish("m", 1, OnnxTestModels.wronglyNamedOutputs(10), 10, 2, java.util.List.of());
        Path file = models.resolve("m/1/model.onnx");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);
        assertEquals(LoadFailureReason.CHECKSUM, reasonFor("m"));
    }

    @Test
    void graphTheServiceCannotServe() {
        new TestRepository(models).publish("m", 1, OnnxTestModels.wronglyNamedOutputs(10), 10, 2, java.util.List.of());
        assertEquals(LoadFailureReason.INCOMPATIBLE_GRAPH, reasonFor("m"));
    }

    @Test
    void notAnOnnxFile() throws Exception {
        new TestRepository(models).publish("m", 1, "not onnx".getBytes(), 10, 2, java.util.List.of());
        assertEquals(LoadFailureReason.ONNX_RUNTIME, reasonFor("m"));
    }

    @Test
    void anythingElseIsOther() {
        assertEquals(LoadFailureReason.OTHER, LoadFailureReason.of(new IllegalStateException("boom")));
    }
}
