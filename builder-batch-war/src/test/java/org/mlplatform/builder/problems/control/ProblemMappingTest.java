package org.mlplatform.builder.problems.control;

import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;
import org.mlplatform.builder.models.control.RegistryException;
import org.mlplatform.builder.problems.entity.Problem;
import org.mlplatform.builder.trainings.control.InvalidRequestException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

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
