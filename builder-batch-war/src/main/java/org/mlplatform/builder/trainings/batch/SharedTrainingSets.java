package org.mlplatform.builder.trainings.batch;

import jakarta.enterprise.context.ApplicationScoped;
import org.mlplatform.pipeline.dataset.Dataset;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The training rows of a running cross-validation step, read once and shared by its partitions,
 * so that k folds in parallel hold the data once rather than k times. {@link TrainingSetReleaseListener}
 * drops them when the step ends.
 */
@ApplicationScoped
public class SharedTrainingSets {

    private final ConcurrentMap<Long, CompletableFuture<Dataset>> byExecution = new ConcurrentHashMap<>();

    /** The rows of the job execution, loaded by the first partition that asks. */
    public Dataset get(long executionId, Callable<Dataset> loader) throws Exception {
        CompletableFuture<Dataset> mine = new CompletableFuture<>();
        CompletableFuture<Dataset> existing = byExecution.putIfAbsent(executionId, mine);
        if (existing == null) {
            try {
                mine.complete(loader.call());
            } catch (Exception | Error e) {
                byExecution.remove(executionId, mine);
                mine.completeExceptionally(e);
                throw e;
            }
            return mine.join();
        }
        try {
            return existing.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    public void release(long executionId) {
        byExecution.remove(executionId);
    }
}
