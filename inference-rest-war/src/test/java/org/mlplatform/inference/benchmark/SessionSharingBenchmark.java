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
 * first all on one session, then one session per thread, and prints calls/s and rows/s.
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *   -Dreference.dir=../../shared/reference org.mlplatform.inference.benchmark.SessionSharingBenchmark [seconds]
 * </pre>
 */
public final class SessionSharingBenchmark {

    private SessionSharingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        byte[] onnx = ReferenceCase.load("seed", "robust_balanced_C1").onnx();
        System.out.printf("%-8s %-7s %-9s %12s %14s%n", "threads", "rows", "sessions", "calls/s", "rows/s");
        for (int rows : new int[] {1, 1000}) {
            for (int threads : new int[] {1, 2, 4, 8}) {
                for (boolean shared : new boolean[] {true, false}) {
                    double calls = measure(onnx, threads, rows, shared, seconds);
                    System.out.printf("%-8d %-7d %-9s %12.0f %14.0f%n", threads, rows, shared ? "shared" : "per-thread", calls, calls * rows);
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
