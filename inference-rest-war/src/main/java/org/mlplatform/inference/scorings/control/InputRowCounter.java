package org.mlplatform.inference.scorings.control;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongConsumer;
import java.util.logging.Logger;

/**
 * Counts the input's data rows on another thread while it is scored, and saves the count: the
 * status shows the total as soon as it is known, and the scoring does not wait for a pass over the
 * whole file first. {@link #stop} ends it; from then on it saves nothing (at the end of the input the
 * reader knows the total itself, and a stopped or failed step needs none).
 */
public final class InputRowCounter {

    private static final Logger LOG = Logger.getLogger(InputRowCounter.class.getName());

    private volatile boolean stopped;
    private boolean saved;

    private InputRowCounter() {
    }

    /** Starts counting {@code file} on {@code executor}; {@code save} gets the count (on the executor's thread). */
    public static InputRowCounter start(Executor executor, Path file, String fileName, LongConsumer save) {
        InputRowCounter counter = new InputRowCounter();
        try {
            executor.execute(() -> counter.count(file, fileName, save));
        } catch (RejectedExecutionException e) {
            LOG.warning(() -> "the rows of " + fileName + " are not counted ahead: " + e.getMessage());
            counter.stopped = true;
        }
        return counter;
    }

    private void count(Path file, String fileName, LongConsumer save) {
        try {
            OptionalLong rows = CsvRowReader.countRows(file, fileName, () -> stopped);
            synchronized (this) {
                if (rows.isPresent() && !stopped) {
                    save.accept(rows.getAsLong());
                    saved = true;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the status then shows the total once the scoring has reached the end
            LOG.warning(() -> "cannot count the rows of " + fileName + ": " + e);
        }
    }

    /**
     * Stops the count; once this returns, it saves nothing (a save under way is waited for).
     *
     * @return whether the count was saved
     */
    public synchronized boolean stop() {
        stopped = true;
        return saved;
    }
}
