package org.mlplatform.inference.benchmark;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.mlplatform.inference.models.control.InferenceSession;
import org.mlplatform.inference.models.control.OnnxSessionFactory;
import org.mlplatform.inference.models.entity.Predictions;
import org.mlplatform.inference.scorings.control.BlockScorer;
import org.mlplatform.inference.scorings.control.CsvRowReader;
import org.mlplatform.inference.scorings.control.ParallelBlockReader;
import org.mlplatform.inference.scorings.control.PartFile;
import org.mlplatform.inference.scorings.control.ScoredRowsFormatter;
import org.mlplatform.inference.scorings.entity.BadRowPolicy;
import org.mlplatform.inference.scorings.entity.RowBlock;
import org.mlplatform.inference.scorings.entity.ScoredBlock;

/**
 * Not a test: the score-file job's per-row work without the server (all on the reading thread, or,
 * as the job does, parsing, scoring and formatting on {@code parse-threads} others) — CSV bytes to
 * float32 blocks, ONNX Runtime per block, CSV out to a part file — on a generated file of
 * {@code rows} x 10 values (8 decimals, as models/data). Prints rows/s of the whole pipeline and of
 * its parts (median of 3 runs), the process's CPU time per run (all threads: what bounds the rate
 * on a machine of few cores) and the peak heap used. Run it with a small heap (-Xmx64m) to see
 * that the heap does not grow with the file.
 * <pre>
 * java -Xmx64m -cp "target/test-classes:target/classes:target/cli-lib/*:$TRIBUO_ONNX_JAR:$PROTOBUF_JAR:$FASTDOUBLEPARSER_JAR" \
 *   -Dreference.dir=../reference org.mlplatform.inference.benchmark.ScoreFileBenchmark [rows] [block-rows] [parse-threads] [blocks-ahead]
 * </pre>
 */
public final class ScoreFileBenchmark {

    /** The job's default: its checkpoints force the output to disk this often. */
    private static final int CHECKPOINT_ROWS = 100_000;

    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ScoreFileBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int blockRows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int parseThreads = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        int ahead = args.length > 3 ? Integer.parseInt(args[3]) : ParallelBlockReader.blocksInFlight(blockRows);
        java.util.concurrent.ExecutorService executor = parseThreads > 0 ? java.util.concurrent.Executors.newFixedThreadPool(parseThreads) : null;
        Path folder = Files.createDirectories(Path.of("target/score-file-benchmark"));
        Path input = folder.resolve("input-" + rows + ".csv");
        if (!Files.exists(input)) {
            generate(input, rows);
        }
        System.out.printf(Locale.ROOT, "input %s: %,d rows, %,d bytes; blocks of %,d rows; parse threads %d (0: the reading thread); max heap %d MB%n",
                input, rows, Files.size(input), blockRows, parseThreads, Runtime.getRuntime().maxMemory() >> 20);
        byte[] onnx = org.mlplatform.inference.testing.ReferenceCase.load("seed", "robust_balanced_C1").onnx();
        try (InferenceSession session = new OnnxSessionFactory().open(onnx)) {
            double[][] runs = new double[4][3];
            double[] cpu = new double[3];
            for (int run = 0; run < 3; run++) {
                long cpuBefore = PROCESS.getProcessCpuTime();
                double[] times = once(session, input, folder.resolve("scored.csv"), blockRows, executor, ahead);
                cpu[run] = (PROCESS.getProcessCpuTime() - cpuBefore) / 1e9;
                for (int part = 0; part < 4; part++) {
                    runs[part][run] = times[part];
                }
            }
            String[] names = {parseThreads > 0 ? "read (cut, wait for workers)" : "parse (CSV bytes to float32)",
                    parseThreads > 0 ? "(ONNX Runtime on workers)" : "ONNX Runtime", parseThreads > 0 ? "write" : "format + write",
                    "whole pipeline"};
            for (int part = 0; part < 4; part++) {
                double[] sorted = runs[part].clone();
                Arrays.sort(sorted);
                if (sorted[1] > 0) {
                    System.out.printf(Locale.ROOT, "%-30s %6.3f s  %,12.0f rows/s%n", names[part], sorted[1], rows / sorted[1]);
                }
            }
            System.out.printf(Locale.ROOT, "process CPU per run: %s s; lowest %.3f us per row%n",
                    Arrays.toString(Arrays.stream(cpu).map(c -> Math.round(c * 100) / 100.0).toArray()),
                    Arrays.stream(cpu).min().orElseThrow() * 1e6 / rows);
        }
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.out.printf(Locale.ROOT, "peak heap used (sum of pool peaks) %d MB%n", peak >> 20);
        if (executor != null) {
            executor.shutdown();
        }
    }

    /**
     * With an executor, as the job: blocks parsed, scored and formatted on it, the calling thread cutting
     * lines and writing. Without, each stage on the calling thread, timed apart.
     *
     * @return seconds in read (parse, when on this thread), inference, format + write (write only, with
     * an executor), and in all
     */
    private static double[] once(InferenceSession session, Path input, Path output, int blockRows,
                                 java.util.concurrent.ExecutorService executor, int ahead) throws Exception {
        long parse = 0;
        long infer = 0;
        long write = 0;
        long start = System.nanoTime();
        Files.deleteIfExists(output);
        ParallelBlockReader.BlockWork<ScoredBlock> scoring = BlockScorer.scoringWork(session, false, ahead);
        try (ParallelBlockReader<Object> reader = new ParallelBlockReader<>(new CsvRowReader(input, input.getFileName().toString(), 10,
                List.of(), 0, 0, 0), executor, ahead, blockRows, CHECKPOINT_ROWS, false, BadRowPolicy.FAIL,
                block -> executor == null ? block : scoring.process(block));
             PartFile out = PartFile.create(output)) {
            List<ScoredBlock> chunk = new java.util.ArrayList<>();
            byte[] header = ScoredRowsFormatter.header(List.of("0", "1"), false, List.of(), 10).getBytes(StandardCharsets.UTF_8);
            out.write(header, header.length);
            while (true) {
                long t0 = System.nanoTime();
                Object item = reader.next();
                long t1 = System.nanoTime();
                parse += t1 - t0;
                if (item == null) {
                    break;
                }
                if (item instanceof ScoredBlock scored) {
                    chunk.add(scored);
                    if (reader.row() % CHECKPOINT_ROWS == 0) {
                        writeChunk(chunk, out);
                    }
                    write += System.nanoTime() - t1;
                    continue;
                }
                RowBlock block = (RowBlock) item;
                Predictions predictions = BlockScorer.score(session, block.features(), block.count());
                long t2 = System.nanoTime();
                infer += t2 - t1;
                ScoredRowsFormatter formatter = new ScoredRowsFormatter(false);
                formatter.format(block, predictions);
                out.write(formatter.bytes(), formatter.length());
                checkpoint(reader, out);
                write += System.nanoTime() - t2;
            }
            writeChunk(chunk, out);
        }
        PartFile.publish(output);
        return new double[] {parse / 1e9, infer / 1e9, write / 1e9, (System.nanoTime() - start) / 1e9};
    }

    /**
     * As the job's chunk step: the batch runtime keeps a checkpoint's items and writes them at the
     * checkpoint, then the writer forces the file to disk before the checkpoint is recorded.
     */
    private static void writeChunk(List<ScoredBlock> chunk, PartFile out) throws java.io.IOException {
        for (ScoredBlock scored : chunk) {
            out.write(scored.text(), scored.length());
        }
        chunk.clear();
        out.force();
    }

    /** Forces the output to disk every {@link #CHECKPOINT_ROWS} rows, as the job's checkpoints do. */
    private static void checkpoint(ParallelBlockReader<?> reader, PartFile out) throws java.io.IOException {
        if (reader.row() % CHECKPOINT_ROWS == 0) {
            out.force();
        }
    }

    private static void generate(Path file, int rows) throws Exception {
        Random random = new Random(7);
        StringBuilder line = new StringBuilder(128);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int row = 0; row < rows; row++) {
                line.setLength(0);
                for (int column = 0; column < 10; column++) {
                    if (column > 0) {
                        line.append(',');
                    }
                    double value = random.nextGaussian();
                    line.append(value < 0 ? "-" : "").append(String.format(Locale.ROOT, "%.8f", Math.abs(value)));
                }
                out.write(line.append('\n').toString());
            }
        }
    }
}
