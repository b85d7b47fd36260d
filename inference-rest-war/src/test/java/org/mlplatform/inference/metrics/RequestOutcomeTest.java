package org.mlplatform.inference.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RequestOutcomeTest {

    @Test
    void statusesMapToTheFiveOutcomes() {
        assertEquals("ok", RequestOutcome.of(200));
        assertEquals("client_error", RequestOutcome.of(400));
        assertEquals("client_error", RequestOutcome.of(413));
        assertEquals("client_error", RequestOutcome.of(415));
        assertEquals("not_found", RequestOutcome.of(404));
        assertEquals("rejected_busy", RequestOutcome.of(503));
        assertEquals("server_error", RequestOutcome.of(500));
    }

    @Test
    void contentTypesMapToTheRestApis() {
        assertEquals("rest_json", RequestOutcome.api("application/json; charset=utf-8"));
        assertEquals("rest_csv", RequestOutcome.api("text/csv"));
        assertEquals("multipart", RequestOutcome.api("multipart/form-data; boundary=x"));
        assertEquals("rest_other", RequestOutcome.api("text/plain"));
        assertEquals("rest_other", RequestOutcome.api(null));
    }
}
