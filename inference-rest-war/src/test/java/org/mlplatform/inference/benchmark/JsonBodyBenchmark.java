package org.mlplatform.inference.benchmark;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.mlplatform.inference.predictions.control.FeatureMatrix;
import org.mlplatform.inference.predictions.control.JsonInstancesReader;
import org.mlplatform.inference.predictions.control.RequestLimits;

/**
 * Not a test: the CPU time of reading a 1,000-row x 10-feature JSON predict body into float32 rows, as
 * the predict endpoint does (the body read into one array of its Content-Length, scanned and parsed in
 * place), the body being the one {@code predict-batch.lua} sends. Prints the median of five 1 s rounds, on one thread.
 * <pre>
 * java -cp "target/test-classes:target/classes:target/cli-lib/*" org.mlplatform.inference.benchmark.JsonBodyBenchmark
 * </pre>
 */
public final class JsonBodyBenchmark {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private JsonBodyBenchmark() {
    }

    public static void main(String[] args) {
        StringBuilder json = new StringBuilder("{\"instances\":[");
        for (int i = 1; i <= 1000; i++) {
            json.append(i > 1 ? ",[" : "[");
            for (int j = 1; j <= 10; j++) {
                json.append(j > 1 ? "," : "").append(String.format("%.6f", Math.sin(i * 10 + j) * 2));
            }
            json.append(']');
        }
        byte[] body = json.append("]}").toString().getBytes(StandardCharsets.US_ASCII);
        JsonInstancesReader reader = new JsonInstancesReader(new RequestLimits(10_000, 16 << 20));
        double[] rounds = new double[6];
        for (int round = 0; round < rounds.length; round++) {
            long cpuStart = CPU.getCurrentThreadCpuTime();
            long end = System.nanoTime() + 1_000_000_000L;
            long bodies = 0;
            float checksum = 0;
            while (System.nanoTime() < end) {
                FeatureMatrix rows = reader.read(new ByteArrayInputStream(body), 10, body.length);
                checksum += rows.values()[(int) (bodies % rows.values().length)];
                bodies++;
            }
            rounds[round] = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e3 / bodies;
            if (Float.isNaN(checksum)) {
                throw new IllegalStateException("unreachable: keeps the reads from being optimised away");
            }
        }
        double[] measured = Arrays.copyOfRange(rounds, 1, rounds.length); // the first round warms up
        Arrays.sort(measured);
        System.out.printf("1,000-row JSON body (%,d bytes): %.0f us of CPU per body, %.1f ns per value (median of %d rounds)%n",
                body.length, measured[2], measured[2] * 1e3 / 10_000, measured.length);
    }
}
