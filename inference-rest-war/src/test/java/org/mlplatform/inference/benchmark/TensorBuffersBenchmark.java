package org.mlplatform.inference.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.mlplatform.inference.models.control.InferenceException;
import org.mlplatform.inference.models.control.InferenceSession;
import org.mlplatform.inference.models.control.OnnxSessionFactory;
import org.mlplatform.inference.models.control.TensorBuffers;
import org.mlplatform.inference.testing.ReferenceCase;

/**
 * Not a test: the CPU time of one ONNX Runtime call as the pooled Predictor makes it (input copied
 * into the instance's reused direct buffer, outputs written in place) against the allocating call
 * (a direct copy of the input and a Java tensor per output, made by ONNX Runtime's JNI code). Eight
 * threads, the default pool size, share one session; 1, 1,000 and 10,000 rows of 10 features; prints
 * the median of five alternating 1.5 s rounds of the calling threads' CPU time per call.
 * <pre>
 * java -cp "target/test-classes:target/classes:target/cli-lib/*:$TRIBUO_ONNX_JAR:$PROTOBUF_JAR" -Dreference.dir=../reference \
 *   org.mlplatform.inference.benchmark.TensorBuffersBenchmark
 * </pre>
 */
public final class TensorBuffersBenchmark {

    private static final int THREADS = 8;
    private static final int ROUNDS = 5;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private TensorBuffersBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        byte[] onnx = ReferenceCase.load("seed", "robust_balanced_C1").onnx();
        try (InferenceSession session = new OnnxSessionFactory().open(onnx)) {
            int features = session.signature().featureCount();
            for (int rows : new int[] {1, 1_000, 10_000}) {
                float[] values = new float[rows * features];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) Math.sin(i);
                }
                double[][] microsPerCall = new double[2][ROUNDS];
                measure(session, values, rows, false);
                measure(session, values, rows, true);
                for (int round = 0; round < ROUNDS; round++) {
                    microsPerCall[0][round] = measure(session, values, rows, false);
                    microsPerCall[1][round] = measure(session, values, rows, true);
                }
                Arrays.sort(microsPerCall[0]);
                Arrays.sort(microsPerCall[1]);
                System.out.printf("%,6d rows: allocating %8.1f us, reused buffers %8.1f us of CPU per call (median of %d)%n",
                        rows, microsPerCall[0][ROUNDS / 2], microsPerCall[1][ROUNDS / 2], ROUNDS);
            }
        }
    }

    private static double measure(InferenceSession session, float[] values, int rows, boolean reused) throws InterruptedException {
        AtomicLong calls = new AtomicLong();
        AtomicLong cpuNanos = new AtomicLong();
        long end = System.nanoTime() + 1_500_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Thread thread = new Thread(() -> {
                TensorBuffers buffers = new TensorBuffers();
                long cpuStart = CPU.getCurrentThreadCpuTime();
                long count = 0;
                try {
                    while (System.nanoTime() < end) {
                        if (reused) {
                            session.run(values, rows, buffers);
                        } else {
                            session.run(values, rows);
                        }
                        count++;
                    }
                } catch (InferenceException e) {
                    throw new IllegalStateException(e);
                }
                calls.addAndGet(count);
                cpuNanos.addAndGet(CPU.getCurrentThreadCpuTime() - cpuStart);
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return cpuNanos.get() / 1e3 / calls.get();
    }
}
