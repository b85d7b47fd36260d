package org.mlplatform.builder.trainings.batch;

import org.junit.jupiter.api.Test;
import org.mlplatform.pipeline.dataset.ClassLabels;
import org.mlplatform.pipeline.dataset.Dataset;
import org.mlplatform.pipeline.dataset.InvalidDataException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SharedTrainingSetsTest {

    private final SharedTrainingSets sets = new SharedTrainingSets();
    private final AtomicInteger reads = new AtomicInteger();

    private Dataset read() {
        reads.incrementAndGet();
        return new Dataset(new double[] {1, 2}, 2, 1, new int[] {0, 1}, new ClassLabels(List.of("0", "1"), true), List.of());
    }

    @Test
    void partitionsOfOneExecutionReadTheDataOnce() throws Exception {
        CountDownLatch together = new CountDownLatch(1);
        List<Callable<Dataset>> partitions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            partitions.add(() -> {
                together.await();
                return sets.get(7, () -> {
                    Thread.sleep(50);
                    return read();
                });
            });
        }
        ExecutorService threads = Executors.newFixedThreadPool(5);
        try {
            List<Future<Dataset>> results = new ArrayList<>();
            partitions.forEach(partition -> results.add(threads.submit(partition)));
            together.countDown();
            for (Future<Dataset> result : results) {
                assertSame(results.get(0).get(), result.get());
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(1, reads.get());
    }

    @Test
    void aFailedReadIsTriedAgain() throws Exception {
        assertThrows(InvalidDataException.class, () -> sets.get(3, () -> {
            throw new InvalidDataException("x.csv line 2, column 1: \"a\" is not a number");
        }));
        sets.get(3, this::read);
        assertEquals(1, reads.get());
    }

    @Test
    void releasedDataIsReadAnew() throws Exception {
        Dataset first = sets.get(3, this::read);
        assertSame(first, sets.get(3, this::read));
        assertEquals(1, reads.get());
        sets.release(3);
        sets.get(3, this::read);
        assertEquals(2, reads.get());
    }
}
