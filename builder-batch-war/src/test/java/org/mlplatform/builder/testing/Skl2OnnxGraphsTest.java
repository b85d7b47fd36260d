package org.mlplatform.builder.testing;

import ai.onnxruntime.OnnxMap;
import ai.onnxruntime.OnnxSequence;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlplatform.builder.testing.Skl2OnnxGraphs.Pipeline;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The test graphs are what they claim: the reference ONNX checker (Debian python3-onnx 1.12, as
 * pipeline-ejb's OnnxCheckerTest runs it; with full_check where that version can) accepts them, and ONNX Runtime scores them as scikit-learn's
 * predict_proba would.
 */
class Skl2OnnxGraphsTest {

    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0} classes, zipMap {1}")
    @CsvSource({"2, false", "2, true", "3, false", "3, true"})
    void theOnnxCheckerAcceptsThem(int classes, boolean zipMap) throws Exception {
        assumeTrue(python("import onnx").exitCode == 0,
                "skipped: " + PYTHON + " cannot import onnx (install Debian's python3-onnx to run the ONNX checker)");
        Path file = folder.resolve("model.onnx");
        Files.write(file, pipeline(classes).onnx(zipMap));

        // onnx before 1.15 cannot infer shapes through a map type at all (onnx/onnx#5231, fixed by #5188), so
        // a ZipMap graph gets the checker's structural checks only
        Outcome outcome = python("import onnx, sys; onnx.checker.check_model(onnx.load(sys.argv[1]), full_check=sys.argv[2] == 'full')",
                file.toString(), zipMap ? "structure" : "full");

        assertEquals(0, outcome.exitCode, outcome.output);
    }

    @ParameterizedTest(name = "{0} classes, zipMap {1}")
    @CsvSource({"2, false", "2, true", "3, false", "3, true"})
    void onnxRuntimeScoresThemAsScikitLearnWould(int classes, boolean zipMap) throws Exception {
        Pipeline pipeline = pipeline(classes);
        float[] row = {0.3f, -1.2f, 2.5f, 0.0f, -0.7f};
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession session = environment.createSession(pipeline.onnx(zipMap));
             OnnxTensor input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(row), new long[] {1, row.length});
             OrtSession.Result result = session.run(Map.of(Skl2OnnxGraphs.INPUT, input))) {
            double[] expected = pipeline.predictProba(row);
            List<Float> actual = new ArrayList<>();
            OnnxValue probabilities = result.get(1);
            if (zipMap) {
                Map<?, ?> map = ((OnnxMap) ((OnnxSequence) probabilities).getValue().get(0)).getValue();
                pipeline.labels().forEach(label -> actual.add((Float) map.get(label)));
            } else {
                for (float p : ((float[][]) probabilities.getValue())[0]) {
                    actual.add(p);
                }
            }
            for (int k = 0; k < expected.length; k++) {
                assertEquals(expected[k], actual.get(k), 1e-5, "class " + k);
            }
        }
    }

    private static Pipeline pipeline(int classes) {
        return Pipeline.random(5, classes == 2 ? List.of(0L, 1L) : List.of(3L, 5L, 8L), 17);
    }

    private record Outcome(int exitCode, String output) {
    }

    private static Outcome python(String script, String... args) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of(PYTHON, "-c", script));
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
