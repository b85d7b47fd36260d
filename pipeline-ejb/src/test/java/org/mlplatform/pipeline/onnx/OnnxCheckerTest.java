package org.mlplatform.pipeline.onnx;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlplatform.pipeline.PipelineModel;
import org.mlplatform.pipeline.dataset.ClassLabels;
import org.mlplatform.pipeline.reference.ReferenceCase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The exported files pass the reference ONNX checker (Debian python3-onnx 1.12, IR <= 8). */
class OnnxCheckerTest {

    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path folder;

    // Per test rather than per class: surefire then counts each check as skipped instead of hiding them
    @BeforeEach
    void requirePythonOnnx() throws InterruptedException {
        assumeTrue(run("import onnx").exitCode == 0,
                "skipped: " + PYTHON + " cannot import onnx (install Debian's python3-onnx to run the ONNX checker)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed__raw_C1", "seed__robust_balanced_C1", "iris__standard_C1", "iris__raw_C0p1"})
    void checkerAcceptsIntegerLabelledModels(String config) throws Exception {
        PipelineModel model = ReferenceCase.of(config).optimum();

        assertAccepted(model);
    }

    @ParameterizedTest
    @ValueSource(strings = {"breast_cancer__standard_C1", "iris__robust_balanced_C1"})
    void checkerAcceptsStringLabelledModels(String config) throws Exception {
        ReferenceCase reference = ReferenceCase.of(config);
        List<String> names = reference.optimum().classifier().classes().values().stream().map(v -> "class-" + v).toList();

        assertAccepted(reference.optimum(new ClassLabels(names, false)));
    }

    private void assertAccepted(PipelineModel model) throws IOException, InterruptedException {
        Path file = folder.resolve("model.onnx");
        Files.write(file, new OnnxExporter().export(model, new ModelProvenance("checked", 3, "fp", List.of())));

        Outcome outcome = run("import onnx, sys; onnx.checker.check_model(onnx.load(sys.argv[1]), full_check=True)",
                file.toString());

        assertEquals(0, outcome.exitCode, outcome.output);
    }

    private record Outcome(int exitCode, String output) {
    }

    private static Outcome run(String script, String... args) throws InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(PYTHON, "-c", script));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Outcome(process.waitFor(), output);
        } catch (IOException e) {
            return new Outcome(-1, e.toString());
        }
    }
}
