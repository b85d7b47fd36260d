package org.mlplatform.repository;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelRepositoryTest {

    private static final String MODEL = "churn";

    @TempDir
    Path root;

    private ModelRepository repository;

    @org.junit.jupiter.api.BeforeEach
    void openRepository() {
        repository = new ModelRepository(root);
    }

    @Test
    void publishedVersionsGoUpAndCarryTheirNumber() throws IOException {
        PublishedVersion first = publish();
        PublishedVersion second = publish();

        assertEquals(1, first.version());
        assertEquals(2, second.version());
        assertEquals(List.of(1, 2), repository.versions(MODEL));
        assertEquals(OptionalInt.of(2), repository.latest(MODEL));
        assertEquals(List.of(MODEL), repository.models());
        assertEquals(root.resolve(MODEL).resolve("2"), second.directory());
        assertTrue(Files.isRegularFile(second.directory().resolve("model.onnx")));
        assertEquals(2, repository.load(MODEL, 2).metadata().version());
    }

    @Test
    void deletedNumbersAreNeverGivenOutAgain() throws IOException {
        publish();
        publish();
        repository.delete(MODEL, 2);

        assertEquals(List.of(1), repository.versions(MODEL));
        assertEquals(3, publish().version());

        repository.delete(MODEL, 3);
        repository.delete(MODEL, 1);
        assertEquals(List.of(), repository.versions(MODEL));
        assertEquals(List.of(), repository.models());
        assertEquals(4, publish().version());
    }

    @Test
    void unknownModelsHaveNoVersions() {
        assertEquals(List.of(), repository.versions("nothing-here"));
        assertEquals(OptionalInt.empty(), repository.latest("nothing-here"));
        assertEquals(List.of(), repository.models());
        assertThrows(NoSuchFileException.class, () -> repository.load("nothing-here", 1));
    }

    @Test
    void eightThreadsPublishingAtOnceGetDistinctNumbers() throws Exception {
        int threads = 8;
        int each = 5;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Integer>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                // each thread has its own repository object, as separate deployments would
                ModelRepository own = new ModelRepository(root);
                Callable<List<Integer>> publisher = () -> {
                    start.await();
                    List<Integer> versions = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        versions.add(own.publish(MODEL, TestArtifacts.writer(MODEL)).version());
                    }
                    return versions;
                };
                results.add(pool.submit(publisher));
            }
            start.countDown();
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> result : results) {
                all.addAll(result.get());
            }
            Collections.sort(all);

            List<Integer> expected = IntStream.rangeClosed(1, threads * each).boxed().toList();
            assertEquals(expected, all);
            assertEquals(expected, repository.versions(MODEL));
            for (int version : expected) {
                assertEquals(version, repository.load(MODEL, version).metadata().version());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void processesPublishingAtOnceGetDistinctNumbers() throws Exception {
        int each = 10;
        List<Process> processes = List.of(fork(each, "none"), fork(each, "none"));
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < each; i++) {
            all.add(publish().version());
        }
        for (Process process : processes) {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.waitFor(), output);
            output.lines().map(Integer::parseInt).forEach(all::add);
        }
        Collections.sort(all);

        List<Integer> expected = IntStream.rangeClosed(1, 3 * each).boxed().toList();
        assertEquals(expected, all);
        assertEquals(expected, repository.versions(MODEL));
    }

    @Test
    void aFailingWriterLeavesTheRepositoryAsItWas() throws IOException {
        publish();
        Map<String, String> before = TestArtifacts.visibleTree(root);

        IOException failure = assertThrows(IOException.class, () -> repository.publish(MODEL, version -> {
            throw new IOException("export failed");
        }));

        assertEquals("export failed", failure.getMessage());
        assertEquals(before, TestArtifacts.visibleTree(root));
        assertEquals(List.of(), TestArtifacts.leftovers(root.resolve(MODEL)));
        assertEquals(2, publish().version());
    }

    @Test
    void metadataForAnotherVersionIsRefused() throws IOException {
        publish();
        Map<String, String> before = TestArtifacts.visibleTree(root);

        var e = assertThrows(IllegalArgumentException.class,
                () -> repository.publish(MODEL, version -> TestArtifacts.artifacts(MODEL, version + 1)));

        assertEquals("metadata describes churn version 3, but churn version 2 is being published", e.getMessage());
        assertEquals(before, TestArtifacts.visibleTree(root));
    }

    @ParameterizedTest
    @EnumSource(value = PublishStep.class, names = "MOVED", mode = EnumSource.Mode.EXCLUDE)
    void aFailureAtAnyStepBeforeTheMoveLeavesNoVersion(PublishStep failingStep) throws IOException {
        publish();
        Map<String, String> before = TestArtifacts.visibleTree(root);
        ModelRepository failing = new ModelRepository(root, step -> {
            if (step == failingStep) {
                throw new IOException("disk failed at " + step);
            }
        });

        IOException failure = assertThrows(IOException.class, () -> failing.publish(MODEL, TestArtifacts.writer(MODEL)));

        assertEquals("disk failed at " + failingStep, failure.getMessage());
        assertEquals(before, TestArtifacts.visibleTree(root));
        assertEquals(List.of(1), repository.versions(MODEL));
        assertEquals(2, publish().version());
        assertEquals(2, repository.load(MODEL, 2).metadata().version());
    }

    @ParameterizedTest
    @EnumSource(value = PublishStep.class, names = "MOVED", mode = EnumSource.Mode.EXCLUDE)
    void aKilledPublisherLeavesTheRepositoryAsItWas(PublishStep haltAt) throws Exception {
        publish();
        Map<String, String> before = TestArtifacts.visibleTree(root);

        Process killed = fork(1, haltAt.name());
        String output = new String(killed.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(ForkedPublisher.HALTED, killed.waitFor(), output);
        assertEquals(1, TestArtifacts.leftovers(root.resolve(MODEL)).size(), "the killed publish left its temp folder");
        assertEquals(before, TestArtifacts.visibleTree(root));
        assertEquals(List.of(1), repository.versions(MODEL));

        assertEquals(2, publish().version());
        assertEquals(List.of(), TestArtifacts.leftovers(root.resolve(MODEL)));
        repository.load(MODEL, 2);
    }

    @Test
    void aPublisherKilledRightAfterTheMoveLeavesACompleteVersion() throws Exception {
        publish();

        Process killed = fork(1, PublishStep.MOVED.name());

        assertEquals(ForkedPublisher.HALTED, killed.waitFor());
        assertEquals(List.of(1, 2), repository.versions(MODEL));
        assertEquals(2, repository.load(MODEL, 2).metadata().version());
        assertEquals(3, publish().version());
    }

    @Test
    void loadReturnsThePublishedFiles() throws IOException {
        PublishedVersion published = publish();

        VerifiedModel loaded = repository.load(MODEL, published.version());

        assertArrayEquals(TestArtifacts.artifacts(MODEL, 1).onnx(), loaded.onnx());
        assertArrayEquals(MetadataJson.write(published.metadata()), MetadataJson.write(loaded.metadata()));
    }

    @Test
    void loadRefusesATamperedModel() throws IOException {
        publish();
        Path onnx = repository.versionDirectory(MODEL, 1).resolve("model.onnx");
        byte[] bytes = Files.readAllBytes(onnx);
        bytes[bytes.length / 2] ^= 1;
        Files.write(onnx, bytes);

        CorruptModelException e = assertThrows(CorruptModelException.class, () -> repository.load(MODEL, 1));

        assertTrue(e.getMessage().startsWith("model.onnx of churn version 1 has SHA-256 " + ContentDigest.sha256(bytes)
                + " but metadata.json records "), e.getMessage());
        assertTrue(e.getMessage().endsWith(": the file was changed or damaged after publishing"), e.getMessage());
    }

    @Test
    void loadRefusesAVersionWithoutMetadata() throws IOException {
        publish();
        Files.delete(repository.versionDirectory(MODEL, 1).resolve("metadata.json"));

        CorruptModelException e = assertThrows(CorruptModelException.class, () -> repository.load(MODEL, 1));

        assertEquals("churn version 1 has no metadata.json", e.getMessage());
    }

    @Test
    void loadRefusesANewerFormat() throws IOException {
        publish();
        rewriteMetadata(1, "\"formatVersion\": 2", "\"formatVersion\": 3");

        CorruptModelException e = assertThrows(CorruptModelException.class, () -> repository.load(MODEL, 1));

        assertEquals(CorruptModelException.Defect.UNSUPPORTED_FORMAT, e.defect());
        assertEquals("metadata.json of churn version 1 has formatVersion 3; this reader knows formats up to 2",
                e.getMessage());
    }

    @Test
    void loadRefusesMetadataOfAnotherVersion() throws IOException {
        publish();
        rewriteMetadata(1, "\"version\": 1", "\"version\": 7");

        CorruptModelException e = assertThrows(CorruptModelException.class, () -> repository.load(MODEL, 1));

        assertEquals(CorruptModelException.Defect.INCONSISTENT, e.defect());
        assertEquals("metadata.json of churn version 1 describes churn version 7", e.getMessage());
    }

    @Test
    void versionsAreFoldersNamedByAPositiveIntWithoutLeadingZeros() throws IOException {
        publish();
        for (String notAVersion : List.of("0", "01", "2147483648", "9999999999", "-3", "2a", "latest")) {
            Files.createDirectories(root.resolve(MODEL).resolve(notAVersion));
        }
        Files.createDirectories(root.resolve(MODEL).resolve("2147483647"));
        Files.writeString(root.resolve(MODEL).resolve("5"), "a file, not a folder");

        assertEquals(List.of(1, 2147483647), repository.versions(MODEL));
        assertEquals(OptionalInt.of(2147483647), ModelRepository.versionOf("2147483647"));
        assertEquals(OptionalInt.empty(), ModelRepository.versionOf("2147483648"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1]", "{\"production\": \"1\"}", "{\"production\": 1.5}", "{\"production\": 0}",
            "{\"production\": 1, \"bad name\": 1}", "{\"production\": 1"})
    void anAliasesFileThatIsNotAnObjectOfAliasesToVersionsIsRefusedWhole(String content) throws IOException {
        publish();
        Files.writeString(root.resolve(MODEL).resolve("aliases.json"), content);

        var e = assertThrows(java.io.UncheckedIOException.class, () -> repository.aliases(MODEL));

        CorruptModelException cause = (CorruptModelException) e.getCause();
        assertEquals(CorruptModelException.Defect.UNREADABLE, cause.defect());
        assertTrue(cause.getMessage().contains("is not an object of alias names to version numbers"), cause.getMessage());
    }

    @Test
    void aliasesPointAtVersions() throws IOException {
        publish();
        publish();

        repository.setAlias(MODEL, "production", 1);
        repository.setAlias(MODEL, "staging", 2);

        assertEquals(OptionalInt.of(1), repository.alias(MODEL, "production"));
        assertEquals(OptionalInt.empty(), repository.alias(MODEL, "canary"));
        assertEquals(Map.of("production", 1, "staging", 2), repository.aliases(MODEL));
        try (JsonReader json = Json.createReader(Files.newBufferedReader(root.resolve(MODEL).resolve("aliases.json")))) {
            assertEquals(Json.createObjectBuilder().add("production", 1).add("staging", 2).build(), json.readObject());
        }

        repository.setAlias(MODEL, "production", 2);
        assertEquals(OptionalInt.of(2), repository.alias(MODEL, "production"));
        repository.removeAlias(MODEL, "staging");
        assertEquals(Map.of("production", 2), repository.aliases(MODEL));
    }

    @Test
    void aliasTargetsCannotBeDeleted() throws IOException {
        publish();
        publish();
        repository.setAlias(MODEL, "production", 1);

        var e = assertThrows(IllegalStateException.class, () -> repository.delete(MODEL, 1));

        assertEquals("version 1 of churn is the target of alias production; point the alias elsewhere or remove it first",
                e.getMessage());
        assertEquals(List.of(1, 2), repository.versions(MODEL));
        repository.setAlias(MODEL, "production", 2);
        repository.delete(MODEL, 1);
        assertEquals(List.of(2), repository.versions(MODEL));
    }

    @Test
    void aliasesNeedAnExistingVersion() throws IOException {
        publish();

        var e = assertThrows(NoSuchFileException.class, () -> repository.setAlias(MODEL, "production", 5));

        assertTrue(e.getMessage().endsWith("model churn has no version 5"), e.getMessage());
        assertEquals(Map.of(), repository.aliases(MODEL));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "..", "../evil", "a/b", "a\\b", ".hidden", "-dash", "with space", "é",
            "x2345678901234567890123456789012345678901234567890123456789012345"})
    void invalidModelNamesAreRefused(String name) throws IOException {
        String quoted = name == null ? "null" : "\"" + name + "\"";
        String message = "model name " + quoted
                + " is invalid: use 1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit";

        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> repository.publish(name, TestArtifacts.writer("x"))).getMessage());
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> repository.versions(name)).getMessage());
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> repository.load(name, 1)).getMessage());
        assertFalse(Files.exists(root.resolveSibling("evil")));
        try (Stream<Path> created = Files.list(root)) {
            assertEquals(List.of(), created.toList());
        }
    }

    @Test
    void theRootFolderIsCreatedOnFirstPublish() throws IOException {
        ModelRepository fresh = new ModelRepository(root.resolve("not/yet/there"));

        assertEquals(List.of(), fresh.models());
        assertEquals(1, fresh.publish(MODEL, TestArtifacts.writer(MODEL)).version());
        assertEquals(List.of(MODEL), fresh.models());
    }

    @Test
    void validNamesMayUseDotsDashesAndUnderscores() throws IOException {
        String name = "Credit_risk-v2.1";
        String longest = "x234567890123456789012345678901234567890123456789012345678901234";

        assertEquals(1, repository.publish(name, TestArtifacts.writer(name)).version());
        assertEquals(1, repository.publish(longest, TestArtifacts.writer(longest)).version());
        assertEquals(List.of(name, longest), repository.models());
    }

    @Test
    void readersIgnoreUnfinishedWrites() throws IOException {
        publish();
        Path leftover = Files.createDirectories(root.resolve(MODEL).resolve(".tmp-crashed"));
        Files.writeString(leftover.resolve("model.onnx"), "half");
        Files.createDirectories(root.resolve(".tmp-other"));

        assertEquals(List.of(1), repository.versions(MODEL));
        assertEquals(List.of(MODEL), repository.models());
        assertSame(2, publish().version());
        assertFalse(Files.exists(leftover));
    }

    private void rewriteMetadata(int version, String from, String to) throws IOException {
        Path metadata = repository.versionDirectory(MODEL, version).resolve("metadata.json");
        String content = Files.readString(metadata);
        assertTrue(content.contains(from), content);
        Files.writeString(metadata, content.replace(from, to));
    }

    private PublishedVersion publish() throws IOException {
        return repository.publish(MODEL, TestArtifacts.writer(MODEL));
    }

    private Process fork(int count, String haltAt) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // a short-lived JVM: the first JIT tier and the serial collector start fastest
        return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                ForkedPublisher.class.getName(),
                root.toString(), MODEL, Integer.toString(count), haltAt)
                .redirectErrorStream(true)
                .start();
    }
}
