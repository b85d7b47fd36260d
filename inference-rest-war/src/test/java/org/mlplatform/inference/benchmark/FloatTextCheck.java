package org.mlplatform.inference.benchmark;

import com.fasterxml.jackson.core.io.schubfach.FloatToDecimal;

/**
 * Not a test (it runs for about 10 minutes on one core): compares JDK 17's {@code Float.toString}
 * with Jackson's Schubfach for every float from {@code FROM} to {@code TO} (bit patterns; defaults:
 * all of [0, 1]) and prints each one that differs, then the count. {@code FloatText} relies on its
 * result (docs/benchmarks.md). Run it on JDK 17:
 * <pre>
 * java -cp target/test-classes:target/cli-lib/* org.mlplatform.inference.benchmark.FloatTextCheck [FROM TO]
 * </pre>
 */
public final class FloatTextCheck {

    private FloatTextCheck() {
    }

    public static void main(String[] args) {
        int from = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        int to = args.length > 1 ? Integer.parseInt(args[1]) : Float.floatToRawIntBits(1f);
        long differing = 0;
        for (long bits = from; bits <= to; bits++) {
            float value = Float.intBitsToFloat((int) bits);
            String jdk = Float.toString(value);
            String schubfach = FloatToDecimal.toString(value);
            if (!jdk.equals(schubfach)) {
                differing++;
                System.out.printf("bits %d: Float.toString %s, Schubfach %s%n", bits, jdk, schubfach);
            }
        }
        System.out.printf("%s: %d floats compared (bits %d to %d), %d differ%n", System.getProperty("java.version"), to - (long) from + 1,
                from, to, differing);
    }
}
