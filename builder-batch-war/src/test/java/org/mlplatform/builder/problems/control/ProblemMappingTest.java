package org.mlplatform.builder.problems.control;

import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;
import org.mlplatform.builder.models.control.RegistryException;
import org.mlplatform.builder.problems.entity.Problem;
import org.mlplatform.builder.trainings.control.InvalidRequestException;
import org.mlplatform.builder.trainings.control.MalformedBodyException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProblemMappingTest {

    @Test
    void invalidRequestIs400NamingTheField() {
        Problem problem = ProblemMapping.problemFor(new InvalidRequestException("C", "C must be a positive number, got -1"));
        assertEquals(new Problem(ProblemMapping.INVALID_REQUEST, "Invalid training request", 400,
                "C must be a positive number, got -1", "C"), problem);
    }

    @Test
    void malformedJsonIs400EvenWhenWrapped() {
        Problem problem = ProblemMapping.problemFor(new RuntimeException("reading failed",
                new JsonbException("Unexpected char 125 at (line no=1, column no=12)")));
        assertEquals(400, problem.status());
        assertEquals("body", problem.field());
        assertEquals(ProblemMapping.MALFORMED_BODY, problem.type());
        assertFalse(problem.detail().contains("Unexpected char"), "the parser's internals stay in the log");
    }

    @Test
    void eachKindOfMistakeHasItsOwnTypeAndTitle() {
        assertEquals(new Problem(ProblemMapping.MALFORMED_BODY, "Malformed request body", 400,
                        "member C is given twice", "body"),
                ProblemMapping.problemFor(new MalformedBodyException("body", "member C is given twice")));
        assertEquals(new Problem(ProblemMapping.INVALID_ALIAS_REQUEST, "Invalid alias request", 400,
                        "version must be an integer, got 1.5", "version"),
                ProblemMapping.problemFor(RegistryException.invalid("version", "version must be an integer, got 1.5")));
        assertEquals(new Problem(ProblemMapping.INVALID_PATH_PARAMETER, "Invalid path parameter", 400,
                        "id must be a positive integer, got abc", "id"),
                ProblemMapping.problemFor(assertThrows(InvalidPathParameterException.class,
                        () -> InvalidPathParameterException.positive("id", "abc", Long.MAX_VALUE))));
        assertEquals(new Problem("about:blank", "Not Found", 404, "no model x", null),
                ProblemMapping.problemFor(RegistryException.notFound("no model x")));
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
    void unknownExecutionIs404() {
        assertEquals(404, ProblemMapping.problemFor(new NoSuchJobExecutionException("no training job execution 9")).status());
    }

    @Test
    void jobStateConflictsAre409() {
        assertEquals(409, ProblemMapping.problemFor(new JobRestartException("completed")).status());
        assertEquals(409, ProblemMapping.problemFor(new JobExecutionNotRunningException("not running")).status());
    }

    @Test
    void registryProblemsKeepTheirStatus() {
        assertEquals(409, ProblemMapping.problemFor(RegistryException.conflict("alias target")).status());
        assertEquals(404, ProblemMapping.problemFor(RegistryException.notFound("no model x")).status());
    }

    @Test
    void anythingElseIs500WithoutInternals() {
        Problem problem = ProblemMapping.problemFor(new IllegalStateException("/srv/secret/path exploded"));
        assertEquals(500, problem.status());
        assertFalse(problem.detail().contains("secret"));
        assertNull(problem.field());
    }
}
