package org.mlplatform.inference.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.mlplatform.inference.models.control.InferenceException;
import org.mlplatform.inference.models.control.InferenceSession;
import org.mlplatform.inference.models.control.OnnxSessionFactory;
import org.mlplatform.inference.testing.ReferenceCase;

/**
 * Not a test: measures whether the EJB pool's instances should share one ONNX Runtime session per
 * model version or hold one each. Runs single-row and 1,000-row calls from 1, 2, 4 and 8 threads,
 * all on one session or one session per thread, and prints the median calls/s and rows/s of five
 * interleaved rounds (interleaving spreads other load on the machine over both variants alike).
 * <pre>
 * java -cp "target/test-classes:target/classes:target/cli-lib/*:$TRIBUO_ONNX_JAR:$PROTOBUF_JAR" \
 *   -Dreference.dir=../reference org.mlplatform.inference.benchmark.SessionSharingBenchmark [seconds-per-round]
 * </pre>
 */
public final class SessionSharingBenchmark {

    private SessionSharingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 1;
        byte[] onnx = ReferenceCase.load("seed", "robust_balanced_C1").onnx();
        int[] rowCounts = {1, 1000};
        int[] threadCounts = {1, 2, 4, 8};
        int rounds = 5;
        double[][][][] results = new double[rowCounts.length][threadCounts.length][2][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int r = 0; r < rowCounts.length; r++) {
                for (int t = 0; t < threadCounts.length; t++) {
                    for (int variant = 0; variant < 2; variant++) {
                        results[r][t][variant][round] = measure(onnx, threadCounts[t], rowCounts[r], variant == 0, seconds);
                    }
                }
            }
        }
        System.out.printf("%-8s %-7s %-11s %12s %14s%n", "threads", "rows", "sessions", "calls/s", "rows/s");
        for (int r = 0; r < rowCounts.length; r++) {
            for (int t = 0; t < threadCounts.length; t++) {
                for (int variant = 0; variant < 2; variant++) {
                    double[] calls = results[r][t][variant].clone();
                    java.util.Arrays.sort(calls);
                    double median = calls[rounds / 2];
                    System.out.printf("%-8d %-7d %-11s %12.0f %14.0f%n", threadCounts[t], rowCounts[r],
                            variant == 0 ? "shared" : "per-thread", median, median * rowCounts[r]);
                }
            }
        }
    }

    private static double measure(byte[] onnx, int threads, int rows, boolean shared, double seconds) throws Exception {
        OnnxSessionFactory factory = new OnnxSessionFactory();
        List<InferenceSession> sessions = new ArrayList<>();
        for (int t = 0; t < (shared ? 1 : threads); t++) {
            sessions.add(factory.open(onnx));
        }
        float[] features = new float[rows * 10];
        for (int i = 0; i < features.length; i++) {
            features[i] = (float) Math.sin(i);
        }
        AtomicLong calls = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        long[] window = new long[2];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            InferenceSession session = sessions.get(shared ? 0 : t);
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                    long end = System.nanoTime() + (long) (seconds * 1e9);
                    long local = 0;
                    while (System.nanoTime() < end) {
                        session.run(features, rows);
                        local++;
                    }
                    calls.addAndGet(local);
                } catch (InterruptedException | InferenceException e) {
                    throw new IllegalStateException(e);
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (int warm = 0; warm < 1000; warm++) {
            sessions.get(0).run(features, rows);
        }
        window[0] = System.nanoTime();
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        window[1] = System.nanoTime();
        sessions.forEach(InferenceSession::close);
        return calls.get() / ((window[1] - window[0]) / 1e9);
    }
}
