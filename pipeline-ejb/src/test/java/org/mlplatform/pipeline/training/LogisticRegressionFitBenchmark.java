package org.mlplatform.pipeline.training;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.mlplatform.pipeline.dataset.ClassLabels;
import org.mlplatform.pipeline.dataset.Dataset;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Time of one fit of a seeded 180,000 x 50 binary problem (the size scikit-learn's figures in
 * {@code docs/benchmarks.md} are for). Run with {@code mvn -pl pipeline-ejb -Pbenchmark verify}; the
 * command there also caps the heap at 3x the data size to show the fit needs no more.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LogisticRegressionFitBenchmark {

    static final int ROWS = 180_000;
    static final int COLUMNS = 50;
    private static final long SEED = 20_240_501L;
    /** Share of labels flipped at random after drawing them from the logistic model. */
    private static final double LABEL_NOISE = 0.05;

    private Dataset data;
    private LogisticRegressionModel lastModel;
    private int fitsThisIteration;
    private long cpuAtIterationStart;

    @Setup(Level.Trial)
    public void generate() {
        data = synthetic(ROWS, COLUMNS, SEED);
    }

    /** Runs on the single benchmark thread, so its CPU time is that of the fits (scikit-learn's figures are CPU time). */
    @Setup(Level.Iteration)
    public void startCpuClock() {
        fitsThisIteration = 0;
        cpuAtIterationStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    @Benchmark
    public LogisticRegressionModel fit() {
        lastModel = new LogisticRegressionTrainer(1.0, ClassWeight.NONE, 1e-8, 100).fit(data);
        fitsThisIteration++;
        return lastModel;
    }

    @TearDown(Level.Iteration)
    public void reportCpuPerFit() {
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuAtIterationStart;
        System.out.printf(" [CPU %.1f ms per fit over %d fits]", cpu / 1e6 / fitsThisIteration, fitsThisIteration);
    }

    @TearDown(Level.Trial)
    public void reportSolverAndPeakHeap() {
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("%nlast fit: %s; peak heap used %.1f MB (data %.1f MB, max heap %.1f MB)%n",
                lastModel.report(), peakHeap / 1e6, ROWS * (double) COLUMNS * Double.BYTES / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);
    }

    /** Standard-normal features; labels from a logistic model with Gaussian coefficients, some flipped. */
    static Dataset synthetic(int rows, int columns, long seed) {
        Random random = new Random(seed);
        double[] truth = new double[columns];
        for (int j = 0; j < columns; j++) {
            truth[j] = random.nextGaussian() / Math.sqrt(columns);
        }
        double[] features = new double[rows * columns];
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            double z = 0.5;
            for (int j = 0; j < columns; j++) {
                double x = random.nextGaussian();
                features[i * columns + j] = x;
                z += truth[j] * x;
            }
            boolean positive = random.nextDouble() < 1.0 / (1.0 + Math.exp(-z));
            labels[i] = positive ^ (random.nextDouble() < LABEL_NOISE) ? 1 : 0;
        }
        return new Dataset(features, rows, columns, labels, new ClassLabels(List.of("0", "1"), true), List.of());
    }
}
