package org.mlplatform.inference.scorings.control;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;

import org.mlplatform.inference.scorings.entity.BadRowPolicy;
import org.mlplatform.inference.scorings.entity.RowBlock;

/**
 * Reads blocks in file order while parsing up to {@code ahead} of them on other threads: the
 * calling thread only cuts lines, and gets parsed blocks back in order. Blocks hold at most
 * {@code batchRows} rows and never cross a multiple of {@code checkpointRows} counted from where
 * this reader started, so a checkpoint every {@code checkpointRows} rows falls between blocks.
 * {@link #position()} is the reader's position after the last block handed out, which is what a
 * checkpoint must record (the reader itself is ahead by the blocks in flight). A bad row surfaces
 * when its block is handed out, so the first bad row in file order is the one reported.
 */
public class ParallelBlockReader implements Closeable {

    private record Pending(Future<RowBlock> block, long offset, long line, long row) {
    }

    private final CsvRowReader reader;
    private final Executor executor;
    private final int ahead;
    private final int batchRows;
    private final int checkpointRows;
    private final boolean keepText;
    private final BadRowPolicy policy;
    private final Deque<Pending> pending = new ArrayDeque<>();
    private final long rowAtStart;
    private long[] position;
    private boolean endOfFile;

    /**
     * @param executor runs the parsing; null to parse on the calling thread
     */
    public ParallelBlockReader(CsvRowReader reader, Executor executor, int ahead, int batchRows, int checkpointRows, boolean keepText,
                               BadRowPolicy policy) {
        this.reader = reader;
        this.executor = executor;
        this.ahead = executor == null ? 1 : Math.max(1, ahead);
        this.batchRows = batchRows;
        this.checkpointRows = checkpointRows;
        this.keepText = keepText;
        this.policy = policy;
        this.rowAtStart = reader.row();
        this.position = new long[] {reader.offset(), reader.line(), reader.row()};
    }

    /** The next block in file order, or null at the end. */
    public RowBlock next() throws IOException {
        while (!endOfFile && pending.size() < ahead) {
            long sinceStart = reader.row() - rowAtStart;
            int size = (int) Math.min(batchRows, checkpointRows - sinceStart % checkpointRows);
            CsvRowReader.RawBlock raw = reader.nextRaw(size);
            if (raw == null) {
                endOfFile = true;
                break;
            }
            Future<RowBlock> block = executor == null
                    ? CompletableFuture.completedFuture(reader.parse(raw, keepText, policy))
                    : CompletableFuture.supplyAsync(() -> reader.parse(raw, keepText, policy), executor);
            pending.add(new Pending(block, raw.offsetAfter(), raw.lineAfter(), raw.rowAfter()));
        }
        Pending head = pending.poll();
        if (head == null) {
            return null;
        }
        RowBlock block;
        try {
            block = head.block().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while parsing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UncheckedIOException(new IOException(e.getCause()));
        }
        position = new long[] {head.offset(), head.line(), head.row()};
        return block;
    }

    /** {@code [byte offset, lines, rows]} after the last block handed out. */
    public long[] position() {
        return position.clone();
    }

    /** Rows (accepted and rejected) handed out so far, counted from the file's start. */
    public long row() {
        return position[2];
    }

    @Override
    public void close() throws IOException {
        pending.forEach(p -> p.block().cancel(false));
        pending.clear();
        reader.close();
    }
}
