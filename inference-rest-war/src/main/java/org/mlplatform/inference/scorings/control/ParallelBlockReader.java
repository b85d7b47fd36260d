package org.mlplatform.inference.scorings.control;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;

import org.mlplatform.inference.scorings.entity.BadRowPolicy;
import org.mlplatform.inference.scorings.entity.RowBlock;

/**
 * Reads blocks in file order while parsing and processing up to {@code ahead} of them on other
 * threads: the calling thread only finds the line ends, and gets the processed blocks back in order. Blocks
 * hold at most {@code batchRows} rows and never cross a multiple of {@code checkpointRows} counted
 * from where this reader started, so a checkpoint every {@code checkpointRows} rows falls between
 * blocks. {@link #position()} is the reader's position after the last block handed out, which is
 * what a checkpoint must record (the reader itself is ahead by the blocks in flight). A bad row, or
 * a failure of the processing, surfaces when its block is handed out, so the first in file order is
 * the one reported.
 *
 * @param <T> what the processing makes of a parsed block
 */
public class ParallelBlockReader<T> implements Closeable {

    /** What is done to each parsed block on the worker thread (e.g. scoring it); must be thread-safe. */
    @FunctionalInterface
    public interface BlockWork<T> {
        T process(RowBlock block) throws Exception;
    }

    private record Pending<T>(Future<T> block, long offset, long line, long row) {
    }

    /** Rows in flight that {@link #blocksInFlight} aims at. */
    static final int ROWS_IN_FLIGHT = 32_000;
    static final int MIN_BLOCKS_IN_FLIGHT = 4;
    static final int MAX_BLOCKS_IN_FLIGHT = 32;

    /**
     * How many blocks of {@code batchRows} rows to keep in work ahead of the reading thread: about
     * {@value #ROWS_IN_FLIGHT} rows (32 blocks of the default 1,000 rows), at least
     * {@value #MIN_BLOCKS_IN_FLIGHT} blocks, at most {@value #MAX_BLOCKS_IN_FLIGHT}. The workers must
     * not run dry while the reading thread does not read: in a chunk step it also writes a
     * checkpoint's blocks and forces them to disk, 10-15 ms per 100,000 rows here, and 4 blocks of
     * 1,000 rows are scored in about 1.5 ms. Through a server, 32 blocks instead of 4 took a 2,000,000-row
     * job from 1.13-1.43 to 1.49-2.04 M rows/s (docs/benchmarks.md); counting rows, not blocks, keeps
     * the memory in flight the same for large blocks.
     */
    public static int blocksInFlight(int batchRows) {
        return Math.max(MIN_BLOCKS_IN_FLIGHT, Math.min(MAX_BLOCKS_IN_FLIGHT, ROWS_IN_FLIGHT / Math.max(1, batchRows)));
    }

    private final CsvRowReader reader;
    private final Executor executor;
    private final BlockWork<T> work;
    private final int ahead;
    private final int batchRows;
    private final int checkpointRows;
    private final boolean keepText;
    private final BadRowPolicy policy;
    private final Deque<Pending<T>> pending = new ArrayDeque<>();
    private final long rowAtStart;
    /** Guards {@link #running} and {@link #closed}: close waits until no work runs (it may use resources closed after). */
    private final Object lock = new Object();
    private int running;
    private boolean closed;
    private long[] position;
    private boolean endOfFile;

    /**
     * @param executor runs the parsing and the work; null to run them on the calling thread
     */
    public ParallelBlockReader(CsvRowReader reader, Executor executor, int ahead, int batchRows, int checkpointRows, boolean keepText,
                               BadRowPolicy policy, BlockWork<T> work) {
        this.reader = reader;
        this.executor = executor;
        this.work = work;
        this.ahead = executor == null ? 1 : Math.max(1, ahead);
        this.batchRows = batchRows;
        this.checkpointRows = checkpointRows;
        this.keepText = keepText;
        this.policy = policy;
        this.rowAtStart = reader.row();
        this.position = new long[] {reader.offset(), reader.line(), reader.row()};
    }

    /** The next block in file order, processed, or null at the end. */
    public T next() throws Exception {
        while (!endOfFile && pending.size() < ahead) {
            long sinceStart = reader.row() - rowAtStart;
            int size = (int) Math.min(batchRows, checkpointRows - sinceStart % checkpointRows);
            CsvRowReader.RawBlock raw = reader.nextRaw(size);
            if (raw == null) {
                endOfFile = true;
                break;
            }
            pending.add(new Pending<>(submit(raw), raw.offsetAfter(), raw.lineAfter(), raw.rowAfter()));
        }
        Pending<T> head = pending.poll();
        if (head == null) {
            return null;
        }
        T block;
        try {
            block = head.block().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while parsing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
        position = new long[] {head.offset(), head.line(), head.row()};
        return block;
    }

    private Future<T> submit(CsvRowReader.RawBlock raw) {
        if (executor == null) {
            try {
                return CompletableFuture.completedFuture(work.process(reader.parse(raw, keepText, policy)));
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return CompletableFuture.supplyAsync(() -> {
            synchronized (lock) {
                if (closed) {
                    throw new CancellationException("the reader is closed");
                }
                running++;
            }
            try {
                return work.process(reader.parse(raw, keepText, policy));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            } finally {
                synchronized (lock) {
                    running--;
                    lock.notifyAll();
                }
            }
        }, executor);
    }

    /** {@code [byte offset, lines, rows]} after the last block handed out. */
    public long[] position() {
        return position.clone();
    }

    /** Rows (accepted and rejected) handed out so far, counted from the file's start. */
    public long row() {
        return position[2];
    }

    /** Drops the blocks in flight, waiting for those being processed to finish. */
    @Override
    public void close() throws IOException {
        synchronized (lock) {
            closed = true;
            try {
                while (running > 0) {
                    lock.wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pending.forEach(p -> p.block().cancel(false));
        pending.clear();
        reader.close();
    }
}
