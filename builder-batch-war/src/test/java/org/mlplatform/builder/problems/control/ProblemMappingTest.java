package org.mlplatform.builder.problems.control;

import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import org.junit.jupiter.api.Test;
import org.mlplatform.builder.models.control.RegistryException;
import org.mlplatform.builder.problems.entity.Problem;
import org.mlplatform.builder.requests.control.BodyLimit;
import org.mlplatform.builder.trainings.control.InvalidRequestException;
import org.mlplatform.builder.trainings.control.TrainingRequestParser;

import java.io.UncheckedIOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Issue 7, item 9: the builder answers in the platform's vocabulary, the types and titles the inference service uses. */
class ProblemMappingTest {

    private static Problem problemOfBody(String body) {
        return ProblemMapping.problemFor(assertThrows(RuntimeException.class, () -> TrainingRequestParser.parse(body)));
    }

    @Test
    void invalidRequestIs400NamingTheField() {
        Problem problem = ProblemMapping.problemFor(new InvalidRequestException("C", "C must be a positive number, got -1"));
        assertEquals(new Problem("urn:mlplatform:problem:invalid-request", "Invalid training request", 400,
                "C must be a positive number, got -1", "C"), problem);
    }

    @Test
    void malformedJsonIs400EvenWhenWrapped() {
        Problem problem = ProblemMapping.problemFor(new RuntimeException("reading failed",
                new JsonbException("Unexpected char 125 at (line no=1, column no=12)")));
        assertEquals(new Problem("urn:mlplatform:problem:invalid-request", "Malformed JSON", 400,
                "the request body is not valid JSON", "body"), problem);
        assertFalse(problem.detail().contains("Unexpected char"), "the parser's internals stay in the log");
    }

    @Test
    void malformedBodiesAreInvalidRequestsTitledAsTheInferenceServiceTitlesThem() {
        assertEquals(new Problem(ProblemTypes.INVALID_REQUEST, "Duplicate member", 400, "member C is given twice", "body"),
                problemOfBody("{\"C\": 1, \"C\": 2}"));
        for (String body : new String[] {"{\"model\": \"m\"} garbage", "[1]", "model=m", "{\"model\": "}) {
            Problem problem = problemOfBody(body);
            assertEquals(ProblemTypes.INVALID_REQUEST, problem.type(), body);
            assertEquals("Malformed JSON", problem.title(), body);
        }
        Problem nested = problemOfBody("{\"model\": [[1]]}");
        assertEquals("Malformed request", nested.title());
        assertEquals("model", nested.field());
    }

    @Test
    void aMalformedPathNumberIsAnInvalidRequestNamingTheParameter() {
        assertEquals(new Problem(ProblemTypes.INVALID_REQUEST, "Invalid version", 400,
                        "version must be a positive integer, got -1", "version"),
                ProblemMapping.problemFor(assertThrows(InvalidPathParameterException.class,
                        () -> InvalidPathParameterException.positive("version", "-1", Integer.MAX_VALUE))));
        assertEquals(new Problem(ProblemTypes.INVALID_REQUEST, "Invalid execution id", 400,
                        "id must be a positive integer, got abc", "id"),
                ProblemMapping.problemFor(assertThrows(InvalidPathParameterException.class,
                        () -> InvalidPathParameterException.positive("id", "abc", Long.MAX_VALUE))));
    }

    @Test
    void anAliasBodyOutOfRangeIsAnInvalidAliasRequest() {
        assertEquals(new Problem(ProblemTypes.INVALID_REQUEST, "Invalid alias request", 400,
                        "version must be an integer, got 1.5", "version"),
                ProblemMapping.problemFor(RegistryException.invalid("version", "version must be an integer, got 1.5")));
    }

    @Test
    void aPathNumberMustBeAPositiveIntegerInRange() {
        assertEquals(7, InvalidPathParameterException.positive("id", "7", Long.MAX_VALUE));
        for (String bad : new String[] {"abc", "-1", "0", "1.5", "1e3", "99999999999999999999", ""}) {
            assertThrows(InvalidPathParameterException.class,
                    () -> InvalidPathParameterException.positive("version", bad, Integer.MAX_VALUE), bad);
        }
        assertEquals("version must be an integer from 1 to 2147483647, got 4294967297",
                assertThrows(InvalidPathParameterException.class,
                        () -> InvalidPathParameterException.positive("version", "4294967297", Integer.MAX_VALUE)).getMessage());
    }

    @Test
    void whatDoesNotExistIsNotFound() {
        assertEquals(new Problem("urn:mlplatform:problem:not-found", "Not Found", 404, "no model x", null),
                ProblemMapping.problemFor(RegistryException.notFound("no model x")));
        assertEquals(new Problem("urn:mlplatform:problem:not-found", "Not Found", 404, "no training job execution 9", null),
                ProblemMapping.problemFor(new NoSuchJobExecutionException("no training job execution 9")));
    }

    @Test
    void jobStateAndRegistryConflictsAreConflicts() {
        for (RuntimeException conflict : new RuntimeException[] {new JobRestartException("completed"),
                new JobExecutionNotRunningException("not running"), RegistryException.conflict("alias target")}) {
            Problem problem = ProblemMapping.problemFor(conflict);
            assertEquals(409, problem.status());
            assertEquals("urn:mlplatform:problem:conflict", problem.type());
            assertEquals("Conflict", problem.title());
        }
    }

    @Test
    void aBodyOverTheLimitIs413NamingTheLimitAlsoWhenAReaderWrapsIt() {
        Problem problem = ProblemMapping.problemFor(new ProcessingException(new UncheckedIOException(
                new java.io.IOException("multipart", new BodyLimit(1024).tooLarge()))));
        assertEquals(new Problem("urn:mlplatform:problem:request-too-large", "Request too large", 413,
                "the request body exceeds the limit of 1024 bytes (mlplatform.builder.max-body-bytes)", null), problem);
    }

    @Test
    void anythingElseIsTheInferenceServicesInternalError() {
        Problem problem = ProblemMapping.problemFor(new IllegalStateException("/srv/secret/path exploded"));
        assertEquals(new Problem("urn:mlplatform:problem:internal-error", "Internal error", 500,
                "the service failed to answer this request; the server log has details", null), problem);
        assertNull(problem.field());
    }
}
