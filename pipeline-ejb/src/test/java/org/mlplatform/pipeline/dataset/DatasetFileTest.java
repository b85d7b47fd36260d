package org.mlplatform.pipeline.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetFileTest {

    @TempDir
    Path folder;

    @Test
    void readsBackExactlyWhatTheCsvReaderProduced() throws IOException {
        Path csv = folder.resolve("data.csv");
        Files.writeString(csv, "width,\"höhe\",label\n0.1,-2e-300,cat\n1.7976931348623157E308,3,dog\n4.9E-324,-0.0,cat\n");
        Dataset read = new CsvDatasetReader().read(CsvSource.withLabelColumn(csv, "label"));

        Path file = folder.resolve("rows.bin");
        DatasetFile.write(read, file);
        Dataset back = DatasetFile.read(file);

        assertArrayEquals(read.features(), back.features());
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back.value(2, 1)));
        assertArrayEquals(read.labels(), back.labels());
        assertEquals(read.classes(), back.classes());
        assertEquals(List.of("width", "höhe"), back.featureNames());
        assertEquals(read.rows(), back.rows());
        assertEquals(read.columns(), back.columns());
    }

    @Test
    void keepsLargeIntegerLabelledSetsBitForBit() throws IOException {
        Random random = new Random(7);
        int rows = 10_000;
        int columns = 13;
        double[] features = new double[rows * columns];
        int[] labels = new int[rows];
        for (int i = 0; i < features.length; i++) {
            features[i] = random.nextGaussian() * 1e6;
        }
        for (int i = 0; i < rows; i++) {
            labels[i] = random.nextInt(3);
        }
        Dataset data = new Dataset(features, rows, columns, labels, new ClassLabels(List.of("-1", "0", "7"), true), List.of());
        Path file = folder.resolve("rows.bin");
        DatasetFile.write(data, file);
        Dataset back = DatasetFile.read(file);

        assertArrayEquals(features, back.features());
        assertArrayEquals(labels, back.labels());
        assertEquals(data.classes(), back.classes());
        assertEquals(List.of(), back.featureNames());
    }

    @Test
    void refusesAFileThatIsNotOne() throws IOException {
        Path file = Files.writeString(folder.resolve("rows.bin"), "1,2,3\n4,5,6\n");
        assertThrows(IOException.class, () -> DatasetFile.read(file));
    }
}
