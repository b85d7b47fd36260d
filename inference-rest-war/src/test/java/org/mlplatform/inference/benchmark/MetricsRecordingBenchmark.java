package org.mlplatform.inference.benchmark;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.mlplatform.inference.metrics.InferenceMeters;

/**
 * Not a test: what the inference metrics cost per request, without a server: the meter updates one
 * single-row request makes (request counter and latency histogram, rows, ONNX Runtime histogram,
 * slot gauge), from 1 and 2 threads, on a Micrometer {@code SimpleMeterRegistry} with the same
 * histogram buckets. Prints the median ns per request of five 1 s rounds.
 * <pre>
 * java -cp "target/test-classes:target/classes:$HOME/.m2/repository/io/micrometer/micrometer-core/1.15.7/micrometer-core-1.15.7.jar:$HOME/.m2/repository/io/micrometer/micrometer-commons/1.15.7/micrometer-commons-1.15.7.jar:$HOME/.m2/repository/org/hdrhistogram/HdrHistogram/2.2.2/HdrHistogram-2.2.2.jar:$HOME/.m2/repository/org/latencyutils/LatencyUtils/2.0.3/LatencyUtils-2.0.3.jar" \
 *   org.mlplatform.inference.benchmark.MetricsRecordingBenchmark
 * </pre>
 */
public final class MetricsRecordingBenchmark {

    private MetricsRecordingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        InferenceMeters meters = new InferenceMeters(new SimpleMeterRegistry(), Tags.of("WF_DEPLOYMENT", "benchmark.war"));
        for (int threads : new int[] {1, 2}) {
            double[] rounds = new double[5];
            measure(meters, threads, 1.0); // warm-up
            for (int round = 0; round < rounds.length; round++) {
                rounds[round] = measure(meters, threads, 1.0);
            }
            Arrays.sort(rounds);
            System.out.printf("threads %d: %.0f ns per request (median of 5; per thread, wall clock)%n", threads, rounds[2]);
        }
    }

    private static double measure(InferenceMeters meters, int threads, double seconds) throws InterruptedException {
        AtomicLong requests = new AtomicLong();
        CountDownLatch done = new CountDownLatch(threads);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        for (int t = 0; t < threads; t++) {
            String version = Integer.toString(1 + t % 2);
            Thread thread = new Thread(() -> {
                long count = 0;
                long latency = 1_000;
                while (System.nanoTime() < end) {
                    for (int i = 0; i < 1_000; i++) {
                        meters.slotTaken();
                        meters.inference("default", 1, 1, latency);
                        meters.slotReleased();
                        meters.request("default", version, "rest_json", "ok", latency * 20);
                        latency = latency * 31 % 2_000_000 + 1;
                    }
                    count += 1_000;
                }
                requests.addAndGet(count);
                done.countDown();
            });
            thread.start();
        }
        done.await();
        return seconds * 1e9 * threads / requests.get();
    }
}
