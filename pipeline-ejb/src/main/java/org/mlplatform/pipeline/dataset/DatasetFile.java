package org.mlplatform.pipeline.dataset;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A validated {@link Dataset} in a compact binary file, so that later steps of a job map it instead
 * of parsing the CSV files again: a header (magic, layout version, rows, columns, the classes and
 * feature names), the labels as {@code int}s and the features as row-major {@code double}s, all
 * little-endian. The doubles are the parsed values themselves, so a reader sees exactly the numbers
 * the CSV reader produced.
 */
public final class DatasetFile {

    private static final int MAGIC = 0x4d4c4453; // "MLDS"
    private static final int LAYOUT_VERSION = 1;

    private DatasetFile() {
    }

    public static void write(Dataset data, Path file) throws IOException {
        ByteBuffer header = header(data);
        long size = header.remaining() + 4L * data.rows() + 8L * data.features().length;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MappedByteBuffer out = channel.map(FileChannel.MapMode.READ_WRITE, 0, size);
            out.order(ByteOrder.LITTLE_ENDIAN).put(header);
            out.asIntBuffer().put(data.labels());
            out.position(out.position() + 4 * data.rows());
            out.asDoubleBuffer().put(data.features());
            out.force();
        }
    }

    public static Dataset read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            MappedByteBuffer in = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            in.order(ByteOrder.LITTLE_ENDIAN);
            if (in.getInt() != MAGIC || in.getInt() != LAYOUT_VERSION) {
                throw new IOException(file + " is not a data set file of layout " + LAYOUT_VERSION);
            }
            int rows = in.getInt();
            int columns = in.getInt();
            boolean integer = in.get() == 1;
            ClassLabels classes = new ClassLabels(strings(in), integer);
            List<String> featureNames = strings(in);
            int[] labels = new int[rows];
            in.asIntBuffer().get(labels);
            in.position(in.position() + 4 * rows);
            double[] features = new double[Math.multiplyExact(rows, columns)];
            in.asDoubleBuffer().get(features);
            return new Dataset(features, rows, columns, labels, classes, featureNames);
        }
    }

    private static ByteBuffer header(Dataset data) {
        List<byte[]> classes = utf8(data.classes().values());
        List<byte[]> names = utf8(data.featureNames());
        int size = 4 * 4 + 1 + length(classes) + length(names);
        ByteBuffer header = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(MAGIC).putInt(LAYOUT_VERSION).putInt(data.rows()).putInt(data.columns());
        header.put((byte) (data.classes().integer() ? 1 : 0));
        put(header, classes);
        put(header, names);
        return header.flip();
    }

    private static List<byte[]> utf8(List<String> values) {
        return values.stream().map(value -> value.getBytes(StandardCharsets.UTF_8)).toList();
    }

    private static int length(List<byte[]> strings) {
        return 4 + strings.stream().mapToInt(bytes -> 4 + bytes.length).sum();
    }

    private static void put(ByteBuffer buffer, List<byte[]> strings) {
        buffer.putInt(strings.size());
        strings.forEach(bytes -> buffer.putInt(bytes.length).put(bytes));
    }

    private static List<String> strings(ByteBuffer in) {
        int count = in.getInt();
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] bytes = new byte[in.getInt()];
            in.get(bytes);
            values.add(new String(bytes, StandardCharsets.UTF_8));
        }
        return values;
    }
}
