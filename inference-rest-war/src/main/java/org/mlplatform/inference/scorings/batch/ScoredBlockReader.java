package org.mlplatform.inference.scorings.batch;

import java.io.Serializable;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Resource;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.mlplatform.inference.models.control.InferenceSession;
import org.mlplatform.inference.scorings.control.BlockScorer;
import org.mlplatform.inference.scorings.control.CsvRowReader;
import org.mlplatform.inference.scorings.control.InputRowCounter;
import org.mlplatform.inference.scorings.control.ParallelBlockReader;
import org.mlplatform.inference.scorings.control.ScoringFolders;
import org.mlplatform.inference.scorings.entity.ScoredBlock;
import org.mlplatform.inference.scorings.entity.ScoringPlan;

/**
 * Reads the input as blocks of up to {@code batchRows} rows (one item each), never across a
 * checkpoint boundary, so a checkpoint falls every {@code checkpointRows} rows, and hands them out
 * scored and formatted ({@link ScoredBlock}). The batch thread only finds line ends (here) and writes
 * bytes ({@link ScoredRowsWriter}); a few blocks ({@link ParallelBlockReader#blocksInFlight}) are
 * parsed, run through ONNX Runtime (thread-safe, one thread per call) and formatted meanwhile on the
 * server's default managed executor, so the per-row work runs on every core. Its checkpoint is
 * {@code [byte offset, lines read, rows read]} after the last block handed out: a restart reopens the
 * file there. Unless an earlier execution of the job saved it, the input's total of rows (for the
 * status) is counted on the executor meanwhile ({@link InputRowCounter}), or saved here on reaching
 * the end first.
 */
@Named
@Dependent
public class ScoredBlockReader extends AbstractItemReader {

    @Resource
    ManagedExecutorService executor;

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Inject
    ScoringFolders folders;

    private ScoringStepState state;
    private ParallelBlockReader<ScoredBlock> reader;
    private InputRowCounter counter;
    private long rowsAtOpen;
    private long openedAt;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        state = (ScoringStepState) step.getTransientUserData();
        ScoringPlan plan = state.plan;
        long[] position = checkpoint instanceof long[] saved ? saved : new long[3];
        InferenceSession session = state.model.session();
        int ahead = ParallelBlockReader.blocksInFlight(plan.batchRows());
        reader = new ParallelBlockReader<>(new CsvRowReader(folders.data().resolve(plan.input()), plan.input(), plan.featureCount(),
                plan.featureNames(), position[0], position[1], position[2]), executor, ahead, plan.batchRows(), plan.checkpointRows(),
                plan.includeInput(), plan.badRowPolicy(), BlockScorer.scoringWork(session, plan.includeInput(), ahead));
        rowsAtOpen = position[2];
        openedAt = System.nanoTime();
        long instance = job.getInstanceId();
        if (folders.totalRows(instance).isEmpty()) {
            counter = InputRowCounter.start(executor, folders.data().resolve(plan.input()), plan.input(),
                    rows -> folders.saveTotalRows(instance, rows));
        }
    }

    @Override
    public Object readItem() throws Exception {
        ScoringPlan plan = state.plan;
        ScoredBlock block = reader.next();
        if (block == null) {
            if (counter != null && !counter.stop()) {
                folders.saveTotalRows(job.getInstanceId(), reader.row());
            }
            return null;
        }
        state.rowsSinceCheckpoint += block.rows() + block.rejected().size();
        throttle(plan.maxRowsPerSecond());
        return block;
    }

    /** Keeps the job at most at {@code maxRowsPerSecond} (0: no limit), to leave CPU to online inference. */
    private void throttle(long maxRowsPerSecond) throws InterruptedException {
        if (maxRowsPerSecond <= 0) {
            return;
        }
        long due = openedAt + TimeUnit.SECONDS.toNanos(reader.row() - rowsAtOpen) / maxRowsPerSecond;
        long wait = due - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    @Override
    public Serializable checkpointInfo() {
        return reader.position();
    }

    @Override
    public void close() throws Exception {
        if (counter != null) {
            counter.stop();
        }
        if (reader != null) {
            reader.close();
        }
    }
}
