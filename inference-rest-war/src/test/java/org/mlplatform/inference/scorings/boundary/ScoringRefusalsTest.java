package org.mlplatform.inference.scorings.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.mlplatform.inference.scorings.control.ScoringException;

/** Path ids and problem documents of the scorings API, in the inference service's vocabulary (README "Errors"). */
class ScoringRefusalsTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "0", "00", "1.5", "1e3", " 1", "+1", "", "9223372036854775808", "99999999999999999999"})
    void anIdThatIsNotAPositiveIntegerIsAnInvalidRequestNamingTheField(String id) {
        ScoringException error = assertThrows(ScoringException.class, () -> ScoringsResource.executionId(id));
        JsonObject problem = read(ScoringProblemMapper.problem(error, "/api/scorings/" + id));
        assertEquals(400, problem.getInt("status"));
        assertEquals("urn:mlplatform:problem:invalid-request", problem.getString("type"));
        assertEquals("Invalid execution id", problem.getString("title"));
        assertEquals("id", problem.getString("field"));
        assertEquals("the execution id must be a positive integer, got '" + id + "'", problem.getString("detail"));
    }

    @Test
    void aWellFormedIdIsTakenAsItIs() {
        assertEquals(2, ScoringsResource.executionId("2"));
        assertEquals(7, ScoringsResource.executionId("007"));
        assertEquals(Long.MAX_VALUE, ScoringsResource.executionId("9223372036854775807"));
    }

    @Test
    void notFoundAndConflictHaveTheServicesTypes() {
        JsonObject notFound = read(ScoringProblemMapper.problem(ScoringException.notFound("version", "no alias 'staging'"), null));
        assertEquals("urn:mlplatform:problem:not-found", notFound.getString("type"));
        assertEquals("Not Found", notFound.getString("title"));
        assertEquals("version", notFound.getString("field"));
        JsonObject conflict = read(ScoringProblemMapper.problem(ScoringException.conflict("execution 2 is not running"), "/api/scorings/2/stop"));
        assertEquals("urn:mlplatform:problem:conflict", conflict.getString("type"));
        assertEquals(409, conflict.getInt("status"));
        assertEquals("/api/scorings/2/stop", conflict.getString("instance"));
    }

    private static JsonObject read(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
