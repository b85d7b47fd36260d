package org.mlplatform.inference.scorings.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlplatform.inference.models.control.VersionSelector;
import org.mlplatform.inference.scorings.entity.BadRowPolicy;
import org.mlplatform.inference.scorings.entity.ScoringRequest;
import org.mlplatform.inference.testing.ReferenceCase;
import org.mlplatform.inference.testing.TestRepository;
import org.mlplatform.repository.ModelRepository;

class ScoringRequestValidatorTest {

    @TempDir
    Path dir;

    private ScoringRequestValidator validator;

    @BeforeEach
    void repositoryWithTwoVersionsAndAnAlias() throws IOException {
        Path models = dir.resolve("models");
        TestRepository repository = new TestRepository(models);
        byte[] onnx = ReferenceCase.load("seed", "raw_C1").onnx();
        repository.publish("m", 1, onnx, 10, 2, List.of());
        repository.publish("m", 2, onnx, 10, 2, List.of());
        repository.setAlias("m", "production", 1);
        Files.createDirectories(dir.resolve("data/in"));
        Files.writeString(dir.resolve("data/in/rows.csv"), "1,2\n");
        Files.writeString(dir.resolve("secret.csv"), "1,2\n");
        Files.createSymbolicLink(dir.resolve("data/in/link.csv"), dir.resolve("secret.csv"));
        validator = new ScoringRequestValidator(dir.resolve("data"), new ModelRepository(models));
    }

    private static Map<String, String> request(String... pairs) {
        Map<String, String> parameters = new HashMap<>(Map.of("model", "m", "input", "in/rows.csv"));
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.put(pairs[i], pairs[i + 1]);
        }
        return parameters;
    }

    private void refused(String field, int status, String... pairs) {
        ScoringException error = assertThrows(ScoringException.class, () -> validator.validate(request(pairs)));
        assertEquals(field, error.field(), error.getMessage());
        assertEquals(status, error.status(), error.getMessage());
    }

    @Test
    void defaultsAndVersionSelectorsResolveAgainstTheRepository() {
        ScoringRequest request = validator.validate(request());
        assertEquals(BadRowPolicy.FAIL, request.badRows());
        assertEquals(ScoringRequest.DEFAULT_CHECKPOINT_ROWS, request.checkpointRows());
        assertEquals(2, validator.resolve("m", request.version()), "latest");
        assertEquals(1, validator.resolve("m", VersionSelector.parse("production")));
        assertEquals(1, validator.resolve("m", VersionSelector.parse("1")));
        assertEquals("in/rows.csv", validator.relative(request.input()));
        validator.validate(request("jberet.jobXmlName", "score-file.xml")); // what JBeret adds; a restart passes it back
    }

    @Test
    void pathsThatLeaveTheDataFolderAreRefused() {
        refused("input", 400, "input", "../secret.csv");
        refused("input", 400, "input", dir.resolve("secret.csv").toString());
        refused("input", 400, "input", "in/link.csv");
        refused("output", 400, "output", "../out.csv");
        refused("output", 400, "output", "in/rows.csv");
        refused("output", 400, "output", "in/out.txt");
    }

    @Test
    void unknownModelsVersionsAndBadValuesAreRefusedNamingTheParameter() {
        refused("model", 404, "model", "nope");
        refused("model", 404, "model", "../m");
        refused("version", 404, "version", "3");
        refused("version", 404, "version", "staging");
        refused("version", 400, "version", "-1");
        refused("badRows", 400, "badRows", "ignore");
        refused("includeInput", 400, "includeInput", "yes");
        refused("checkpointRows", 400, "checkpointRows", "0");
        refused("batchRows", 400, "batchRows", "100001");
        refused("maxRowsPerSecond", 400, "maxRowsPerSecond", "fast");
        refused("colour", 400, "colour", "red");
    }
}
