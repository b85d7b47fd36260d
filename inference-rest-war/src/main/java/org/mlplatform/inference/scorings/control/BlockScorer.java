package org.mlplatform.inference.scorings.control;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.mlplatform.inference.models.control.InferenceException;
import org.mlplatform.inference.models.control.InferenceSession;
import org.mlplatform.inference.models.control.TensorBuffers;
import org.mlplatform.inference.models.entity.Predictions;
import org.mlplatform.inference.scorings.entity.RowBlock;
import org.mlplatform.inference.scorings.entity.ScoredBlock;

/**
 * Runs a block of rows through the session in one call. ONNX Runtime computes a one-row batch with
 * another kernel than larger ones, and its float32 results can differ in the last bit (seen on 20
 * of 160 probabilities of the reference test set); a lone row is therefore run as a batch of two
 * (itself twice), so that the output does not depend on where blocks or checkpoints fall, and equals
 * what the REST API answers for the same rows sent in one request of two or more rows.
 */
public final class BlockScorer {

    private BlockScorer() {
    }

    /**
     * The job's work on each block: its accepted rows scored and their output lines formatted, with one
     * of {@code blocksInWork} sets of reused tensor memory (each used by one block at a time, then by a
     * block after it); thread-safe, so blocks can be scored side by side.
     */
    public static ParallelBlockReader.BlockWork<ScoredBlock> scoringWork(InferenceSession session, boolean includeInput, int blocksInWork) {
        BlockingQueue<TensorBuffers> idle = new ArrayBlockingQueue<>(blocksInWork);
        for (int i = 0; i < blocksInWork; i++) {
            idle.add(new TensorBuffers());
        }
        return block -> {
            TensorBuffers buffers = idle.take();
            try {
                return scoreAndFormat(session, block, includeInput, buffers);
            } finally {
                idle.add(buffers);
            }
        };
    }

    private static ScoredBlock scoreAndFormat(InferenceSession session, RowBlock block, boolean includeInput, TensorBuffers buffers)
            throws InferenceException {
        if (block.count() == 0) {
            return new ScoredBlock(0, new byte[0], 0, block.rejected());
        }
        ScoredRowsFormatter formatter = new ScoredRowsFormatter(includeInput);
        formatter.format(block, score(session, block.features(), block.count(), buffers));
        return new ScoredBlock(block.count(), formatter.bytes(), formatter.length(), block.rejected());
    }

    public static Predictions score(InferenceSession session, float[] features, int rows) throws InferenceException {
        return score(session, features, rows, null);
    }

    static Predictions score(InferenceSession session, float[] features, int rows, TensorBuffers buffers) throws InferenceException {
        if (rows != 1) {
            return run(session, features, rows, buffers);
        }
        int columns = session.signature().featureCount();
        float[] twice = Arrays.copyOf(features, 2 * columns);
        System.arraycopy(features, 0, twice, columns, columns);
        Predictions pair = run(session, twice, 2, buffers);
        int classes = pair.classCount();
        return new Predictions(1, pair.intLabels() == null ? null : Arrays.copyOf(pair.intLabels(), 1),
                pair.stringLabels() == null ? null : Arrays.copyOf(pair.stringLabels(), 1),
                Arrays.copyOf(pair.probabilities(), classes), classes);
    }

    private static Predictions run(InferenceSession session, float[] features, int rows, TensorBuffers buffers) throws InferenceException {
        return buffers == null ? session.run(features, rows) : session.run(features, rows, buffers);
    }
}
