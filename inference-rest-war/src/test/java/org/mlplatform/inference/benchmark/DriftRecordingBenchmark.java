package org.mlplatform.inference.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.mlplatform.inference.drift.control.RecentWindow;

/**
 * Not a test: what drift tracking costs per predicted row, without a server: {@code RecentWindow.record}
 * of batches of 1, 1,000 and 10,000 10-feature rows (a single-row request, a JSON batch, an Open
 * Inference Protocol batch) into a 10,000-row window with 9 edges per feature (the default), from 1
 * and 2 threads sharing the window. Prints the median of five 1 s rounds of the CPU time per row (the recording threads' own CPU time, which depends far less on what else runs
 * on the machine than wall-clock time does).
 * <pre>
 * java -cp target/test-classes:target/classes org.mlplatform.inference.benchmark.DriftRecordingBenchmark
 * </pre>
 */
public final class DriftRecordingBenchmark {

    private static final int FEATURES = 10;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private DriftRecordingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double[] edges = {-1.28, -0.84, -0.52, -0.25, 0, 0.25, 0.52, 0.84, 1.28};
        double[][] allEdges = new double[FEATURES][];
        Arrays.fill(allEdges, edges);
        Random random = new Random(42);
        for (int batch : new int[] {1, 1_000, 10_000}) {
            float[][] batches = new float[Math.max(1, 1024 / batch)][batch * FEATURES];
            for (float[] values : batches) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) random.nextGaussian();
                }
            }
            for (int threads : new int[] {1, 2}) {
                RecentWindow window = new RecentWindow(10_000, allEdges);
                double[] rounds = new double[5];
                measure(window, batches, batch, threads, 1.0); // warm-up
                for (int round = 0; round < rounds.length; round++) {
                    rounds[round] = measure(window, batches, batch, threads, 1.0);
                }
                Arrays.sort(rounds);
                System.out.printf("batches of %,d rows, threads %d: %.0f ns of CPU per row recorded (median of 5)%n", batch, threads, rounds[2]);
            }
        }
    }

    private static double measure(RecentWindow window, float[][] batches, int batch, int threads, double seconds) throws InterruptedException {
        AtomicLong recorded = new AtomicLong();
        AtomicLong cpuNanos = new AtomicLong();
        CountDownLatch done = new CountDownLatch(threads);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                long count = 0;
                long cpuStart = CPU.getCurrentThreadCpuTime();
                while (System.nanoTime() < end) {
                    for (float[] values : batches) {
                        window.record(values, batch);
                    }
                    count += (long) batches.length * batch;
                }
                cpuNanos.addAndGet(CPU.getCurrentThreadCpuTime() - cpuStart);
                recorded.addAndGet(count);
                done.countDown();
            });
            thread.start();
        }
        done.await();
        return (double) cpuNanos.get() / recorded.get();
    }
}
