package org.mlplatform.inference.models.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.mlplatform.repository.MetadataJson;
import org.mlplatform.repository.ModelMetadata;

class ServedModelsTest {

    private final ServedModels served = new ServedModels();

    private static LoadedVersion version(String model, int version, FakeSession session) {
        ModelMetadata metadata = MetadataJson.read(("{\"model\": \"" + model + "\", \"version\": " + version
                + ", \"featureCount\": 2}").getBytes(StandardCharsets.UTF_8));
        return new LoadedVersion(metadata, session, "00", Instant.EPOCH);
    }

    @Test
    void aSwappedOutVersionClosesOnlyAfterItsLastRequest() throws Exception {
        FakeSession first = new FakeSession(1);
        served.install(version("m", 1, first));
        ModelLease inFlight = served.lease("m", VersionSelector.parse("1"));

        served.install(version("m", 2, new FakeSession(2)));
        served.retainOnly("m", Set.of(2), Set.of(1, 2));

        assertFalse(first.closed.get(), "the in-flight request still holds version 1");
        assertEquals(1, inFlight.version().session().run(new float[2], 1).intLabels()[0]);
        assertThrows(ModelNotFoundException.class, () -> served.lease("m", VersionSelector.parse("1")));
        inFlight.close();
        assertTrue(first.closed.get());
        inFlight.close();
        assertTrue(first.closed.get(), "closing a lease twice releases once");
    }

    @Test
    void replacingTheSameVersionNumberRetiresTheOldSession() {
        FakeSession old = new FakeSession(1);
        served.install(version("m", 1, old));
        served.install(version("m", 1, new FakeSession(1)));
        assertTrue(old.closed.get());
    }

    @Test
    void leasesFollowTheVersionPolicy() {
        served.install(version("m", 1, new FakeSession(1)));
        served.install(version("m", 3, new FakeSession(3)));
        served.updateAliases("m", Map.of("production", 1));
        try (ModelLease latest = served.lease("m", VersionSelector.LATEST);
             ModelLease production = served.lease("m", VersionSelector.parse("production"))) {
            assertEquals(3, latest.version().version());
            assertEquals(1, production.version().version());
        }
        ModelNotFoundException unknown = assertThrows(ModelNotFoundException.class, () -> served.lease("other", VersionSelector.LATEST));
        assertTrue(unknown.getMessage().contains("other"));
    }

    @Test
    void aFailedVersionIsNamedWithItsReason() {
        served.install(version("m", 1, new FakeSession(1)));
        served.recordFailure("m", 2, "checksum mismatch");
        ModelNotFoundException error = assertThrows(ModelNotFoundException.class, () -> served.lease("m", VersionSelector.parse("2")));
        assertTrue(error.getMessage().contains("checksum mismatch"), error.getMessage());
        assertEquals(2, served.state("m").orElseThrow().lastLoadError().version());
        try (ModelLease latest = served.lease("m", VersionSelector.LATEST)) {
            assertEquals(1, latest.version().version(), "the previous version keeps serving");
        }
    }

    @Test
    void swapsUnderConcurrentRequestsNeverRunAClosedSessionAndCloseEveryRetiredOne() throws Exception {
        List<FakeSession> sessions = new ArrayList<>();
        FakeSession initial = new FakeSession(1);
        sessions.add(initial);
        served.install(version("m", 1, initial));
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<Integer>> results = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            results.add(clients.submit(() -> {
                int requests = 0;
                while (!stop.get()) {
                    try (ModelLease lease = served.lease("m", VersionSelector.LATEST)) {
                        lease.version().session().run(new float[2], 1);
                    }
                    requests++;
                }
                return requests;
            }));
        }
        for (int v = 2; v <= 200; v++) {
            FakeSession next = new FakeSession(v);
            sessions.add(next);
            served.install(version("m", v, next));
            served.retainOnly("m", Set.of(v), Set.of(v));
        }
        stop.set(true);
        for (Future<Integer> result : results) {
            assertTrue(result.get() > 0);
        }
        clients.shutdown();
        assertTrue(clients.awaitTermination(10, TimeUnit.SECONDS));
        for (FakeSession session : sessions.subList(0, sessions.size() - 1)) {
            assertTrue(session.closed.get(), "version " + session.version + " retired but not closed");
        }
        assertFalse(sessions.get(sessions.size() - 1).closed.get());
    }
}
