package org.mlplatform.inference.models.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.mlplatform.repository.ModelMetadata;
import org.mlplatform.repository.ModelRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlplatform.inference.testing.OnnxTestModels;
import org.mlplatform.inference.testing.ReferenceCase;
import org.mlplatform.inference.testing.TestRepository;

class RepositorySynchronizerTest {

    @TempDir
    Path root;

    private final ServedModels served = new ServedModels();
    private TestRepository repository;
    private RepositorySynchronizer synchronizer;
    private final ReferenceCase seed = ReferenceCase.load("seed", "raw_C1");

    @BeforeEach
    void setUp() {
        repository = new TestRepository(root);
        ModelRepository reader = new ModelRepository(root);
        synchronizer = new RepositorySynchronizer(reader, new ModelLoader(reader, new OnnxSessionFactory(), Clock.systemUTC()), served, 2);
    }

    @AfterEach
    void tearDown() {
        served.clear();
    }

    private void publish(int version) {
        repository.publish("m", version, seed.onnx(), 10, 2, List.of());
    }

    private Set<Integer> loaded() {
        return served.state("m").orElseThrow().loaded().keySet();
    }

    @Test
    void servesTheNewestVersionsAndTheProductionAlias() {
        publish(1);
        publish(2);
        publish(3);
        repository.setAlias("m", "production", 1);
        synchronizer.synchronizeAll();
        assertEquals(Set.of(1, 2, 3), loaded());
        try (ModelLease production = served.lease("m", VersionSelector.parse("production"))) {
            assertEquals(1, production.version().version());
        }
        repository.setAlias("m", "production", 3);
        synchronizer.synchronizeAll();
        assertEquals(Set.of(2, 3), loaded(), "version 1 leaves once no alias holds it");
    }

    @Test
    void aTamperedModelIsNeverServedAndThePreviousVersionKeepsServing() throws Exception {
        publish(1);
        synchronizer.synchronizeAll();
        repository.publish("m", 2, seed.onnx(), "0".repeat(64), 10, 2, List.of());
        synchronizer.synchronizeAll();

        assertEquals(Set.of(1), loaded());
        ModelState state = served.state("m").orElseThrow();
        assertTrue(state.failures().get(2).startsWith("checksum mismatch"), state.failures().toString());
        assertEquals(2, state.lastLoadError().version());
        try (ModelLease latest = served.lease("m", VersionSelector.LATEST)) {
            assertEquals(1, latest.version().version());
        }
    }

    @Test
    void aGraphWithoutLabelAndProbabilitiesIsReportedNotServed() {
        repository.publish("m", 1, OnnxTestModels.wronglyNamedOutputs(10), 10, 2, List.of());
        synchronizer.synchronizeAll();
        ModelState state = served.state("m").orElseThrow();
        assertTrue(state.loaded().isEmpty());
        assertTrue(state.failures().get(1).contains("not servable"), state.failures().toString());
        assertFalse(served.anyVersionLoaded());
    }

    @Test
    void aFeatureCountThatContradictsMetadataIsNotServed() {
        repository.publish("m", 1, seed.onnx(), 9, 2, List.of());
        synchronizer.synchronizeAll();
        assertTrue(served.state("m").orElseThrow().failures().get(1).contains("featureCount 9"));
    }

    @Test
    void aNewerMetadataFormatIsRefused() throws Exception {
        publish(1);
        Path metadata = root.resolve("m/1/metadata.json");
        int newer = ModelMetadata.FORMAT_VERSION + 1;
        Files.writeString(metadata, Files.readString(metadata).replaceFirst("\\{", "{\"formatVersion\":" + newer + ","));
        synchronizer.synchronizeAll();
        assertTrue(served.state("m").orElseThrow().failures().get(1).contains("formatVersion " + newer));
    }

    @Test
    void reloadRetriesAFailedVersionOnceItIsFixed() throws Exception {
        publish(1);
        Files.write(root.resolve("m/1/model.onnx"), new byte[] {1, 2, 3});
        synchronizer.synchronizeAll();
        assertTrue(loaded().isEmpty());

        Files.write(root.resolve("m/1/model.onnx"), seed.onnx());
        synchronizer.synchronizeAll();
        assertTrue(loaded().isEmpty(), "a scan does not retry a failed version");
        synchronizer.reload("m");
        assertEquals(Set.of(1), loaded());
    }

    @Test
    void aModelRemovedFromTheRepositoryIsNoLongerServed() throws Exception {
        publish(1);
        synchronizer.synchronizeAll();
        LoadedVersion version = served.state("m").orElseThrow().loaded().get(1);
        try (var files = Files.walk(root.resolve("m"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        synchronizer.synchronizeAll();
        assertTrue(served.state("m").isEmpty());
        assertTrue(version.isClosed());
    }

    @Test
    void temporaryFoldersAndUnsafeNamesAreIgnored() throws Exception {
        publish(1);
        Files.createDirectories(root.resolve("m/.publish-123"));
        Files.write(root.resolve("m/.publish-123/model.onnx"), new byte[] {1});
        synchronizer.synchronizeAll();
        synchronizer.synchronize("..");
        assertEquals(Set.of(1), loaded());
        assertTrue(served.state("m").orElseThrow().failures().isEmpty());
    }
}
