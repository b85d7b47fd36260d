package org.mlplatform.inference.scorings.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlplatform.inference.scorings.entity.BadRowPolicy;
import org.mlplatform.inference.scorings.entity.RowBlock;

class ParallelBlockReaderTest {

    @TempDir
    Path dir;

    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private Path file(int rows, int badRow) throws IOException {
        StringBuilder csv = new StringBuilder("a,b\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(i == badRow ? "x" : Integer.toString(i)).append(',').append(-i).append(i % 5 == 0 ? "\n\n" : "\n");
        }
        Path file = dir.resolve("in.csv");
        Files.writeString(file, csv);
        return file;
    }

    private ParallelBlockReader<RowBlock> open(Path file, long[] position, int checkpointRows) throws IOException {
        return new ParallelBlockReader<>(new CsvRowReader(file, "in.csv", 2, List.of("a", "b"), position[0], position[1], position[2]),
                executor, 4, 70, checkpointRows, false, BadRowPolicy.FAIL, block -> block);
    }

    @Test
    void blocksComeInFileOrderAndPositionsAreThoseAfterTheLastBlockHandedOut() throws Exception {
        Path file = file(2000, 0);
        List<Long> rows = new ArrayList<>();
        long[] checkpoint = null;
        try (ParallelBlockReader<RowBlock> reader = open(file, new long[3], 300)) {
            for (int b = 0; b < 12; b++) {
                RowBlock block = reader.next();
                for (int r = 0; r < block.count(); r++) {
                    rows.add(block.rows()[r]);
                    assertEquals(block.rows()[r], (long) block.features()[2 * r]);
                }
                if (reader.row() % 300 == 0) {
                    checkpoint = reader.position();
                }
                assertTrue(reader.row() / 300 == (reader.row() - block.count()) / 300 || reader.row() % 300 == 0,
                        "a block crossed a checkpoint boundary at row " + reader.row());
            }
        }
        assertEquals(600, checkpoint[2]);
        rows.subList(600, rows.size()).clear(); // what came after the checkpoint is read again
        try (ParallelBlockReader<RowBlock> reader = open(file, checkpoint, 300)) {
            RowBlock block;
            while ((block = reader.next()) != null) {
                for (int r = 0; r < block.count(); r++) {
                    rows.add(block.rows()[r]);
                }
            }
        }
        assertEquals(2000, rows.size());
        for (int i = 0; i < 2000; i++) {
            assertEquals(i + 1, rows.get(i));
        }
    }

    @Test
    void aBadRowSurfacesAfterTheBlocksBeforeIt() throws Exception {
        Path file = file(1000, 500);
        long handedOut = 0;
        try (ParallelBlockReader<RowBlock> reader = open(file, new long[3], 100_000)) {
            BadRowException error = null;
            while (error == null) {
                try {
                    RowBlock block = reader.next();
                    handedOut += block.count();
                } catch (BadRowException e) {
                    error = e;
                }
            }
            assertEquals(490, handedOut, "rows handed out before the block holding row 500");
            assertEquals("in.csv line " + (500 + 1 + 99) + ", column 1: 'x' is not a number", error.getMessage());
        }
    }

    @Test
    void parsingOnTheCallingThreadGivesTheSameBlocks() throws Exception {
        Path file = file(500, 0);
        try (ParallelBlockReader<RowBlock> parallel = open(file, new long[3], 300);
             ParallelBlockReader<RowBlock> inline = new ParallelBlockReader<>(new CsvRowReader(file, "in.csv", 2, List.of("a", "b"), 0, 0, 0),
                     null, 4, 70, 300, false, BadRowPolicy.FAIL, block -> block)) {
            RowBlock a;
            while ((a = parallel.next()) != null) {
                RowBlock b = inline.next();
                assertArrayEquals(a.features(), b.features());
                assertArrayEquals(a.rows(), b.rows());
                assertArrayEquals(parallel.position(), inline.position());
            }
            assertEquals(null, inline.next());
        }
    }

    @Test
    void theWorksFailureSurfacesWithItsBlockAfterTheBlocksBefore() throws Exception {
        Path file = file(1000, 0);
        long handedOut = 0;
        try (ParallelBlockReader<RowBlock> reader = new ParallelBlockReader<>(new CsvRowReader(file, "in.csv", 2, List.of("a", "b"), 0, 0, 0),
                executor, 4, 70, 100_000, false, BadRowPolicy.FAIL, block -> {
                    if (block.rows()[0] > 300) {
                        throw new IOException("cannot score rows from " + block.rows()[0]);
                    }
                    return block;
                })) {
            IOException error = null;
            while (error == null) {
                try {
                    handedOut += reader.next().count();
                } catch (IOException e) {
                    error = e;
                }
            }
            assertEquals(350, handedOut);
            assertEquals("cannot score rows from 351", error.getMessage());
        }
    }

    @Test
    void closeWaitsForTheBlocksBeingProcessed() throws Exception {
        Path file = file(1000, 0);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        ParallelBlockReader<RowBlock> reader = new ParallelBlockReader<>(new CsvRowReader(file, "in.csv", 2, List.of("a", "b"), 0, 0, 0),
                executor, 4, 70, 100_000, false, BadRowPolicy.FAIL, block -> {
                    if (block.rows()[0] == 1) {
                        return block;
                    }
                    running.incrementAndGet();
                    try {
                        release.await();
                    } finally {
                        running.decrementAndGet();
                    }
                    return block;
                });
        reader.next();
        while (running.get() == 0) {
            Thread.sleep(5);
        }
        CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Thread.sleep(200);
        assertFalse(closing.isDone(), "close returned while a block was still being processed");
        release.countDown();
        closing.get(10, TimeUnit.SECONDS);
        assertEquals(0, running.get());
    }

    @Test
    void manySmallBlocksOrFewLargeOnesAreInWorkSoThatTheRowsInFlightStayBounded() {
        assertEquals(32, ParallelBlockReader.blocksInFlight(1_000));
        assertEquals(32, ParallelBlockReader.blocksInFlight(1));
        assertEquals(8, ParallelBlockReader.blocksInFlight(4_000));
        assertEquals(4, ParallelBlockReader.blocksInFlight(100_000));
        for (int batchRows : new int[] {1, 999, 1_000, 8_000, 8_001, 100_000}) {
            long rowsInFlight = (long) ParallelBlockReader.blocksInFlight(batchRows) * batchRows;
            assertTrue(rowsInFlight <= Math.max(32_000, 4L * batchRows), batchRows + "-row blocks: " + rowsInFlight + " rows in flight");
        }
    }
}
