package org.mlplatform.pipeline.dataset;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlplatform.pipeline.reference.ReferenceFiles;

class CsvDatasetReaderTest {

    private static final ClassLabels ZERO_ONE = new ClassLabels(List.of("0", "1"), true);

    @TempDir
    Path folder;

    private final CsvDatasetReader reader = new CsvDatasetReader();

    @Test
    void readsHeaderlessFeaturesWithIntegerLabelsInNumericOrder() throws IOException {
        Dataset data = read("1,2\n3,4.5\n-5e-1,.25\n", "10\n2\n10\n");

        assertEquals(3, data.rows());
        assertEquals(2, data.columns());
        assertArrayEquals(new double[] {1, 2, 3, 4.5, -0.5, 0.25}, data.features());
        assertEquals(new ClassLabels(List.of("2", "10"), true), data.classes());
        assertArrayEquals(new int[] {1, 0, 1}, data.labels());
        assertEquals(List.of(), data.featureNames());
    }

    @Test
    void takesAFirstRowWithANonNumericCellAsHeader() throws IOException {
        Dataset data = read("age,\"income\"\n30,1000\n40,2000\n", "0\n1\n");

        assertEquals(List.of("age", "income"), data.featureNames());
        assertEquals(2, data.rows());
        assertEquals(30, data.value(0, 0));
    }

    @Test
    void takesANumericFirstRowAsData() throws IOException {
        Dataset data = read("1e3,-2\n3,4\n", "0\n1\n");

        assertEquals(2, data.rows());
        assertEquals(1000, data.value(0, 0));
    }

    @Test
    void acceptsByteOrderMarkCrlfAndTrailingBlankLines() throws IOException {
        Path features = write("train.csv", "\uFEFFa,b\r\n1,2\r\n3,4\r\n\r\n");
        Path labels = write("labels.csv", "\uFEFF0\r\n1\r\n\r\n");

        Dataset data = reader.read(CsvSource.withLabelsFile(features, labels));

        assertEquals(List.of("a", "b"), data.featureNames());
        assertArrayEquals(new double[] {1, 2, 3, 4}, data.features());
        assertArrayEquals(new int[] {0, 1}, data.labels());
    }

    @Test
    void sortsStringLabelsLexicographically() throws IOException {
        Dataset data = read("1\n2\n3\n4\n", "versicolor\nsetosa\n\"virginica\"\nsetosa\n");

        assertEquals(new ClassLabels(List.of("setosa", "versicolor", "virginica"), false), data.classes());
        assertArrayEquals(new int[] {1, 0, 2, 0}, data.labels());
    }

    @Test
    void treatsLabelsAsStringsWhenOneIsNotAnInteger() throws IOException {
        Dataset data = read("1\n2\n3\n", "10\n9\n1.5\n");

        assertEquals(new ClassLabels(List.of("1.5", "10", "9"), false), data.classes());
    }

    @Test
    void mergesIntegerLabelsWrittenDifferently() throws IOException {
        Dataset data = read("1\n2\n3\n", "01\n1\n+2\n");

        assertEquals(new ClassLabels(List.of("1", "2"), true), data.classes());
        assertArrayEquals(new int[] {0, 0, 1}, data.labels());
    }

    @Test
    void skipsAHeaderLineInTheLabelsFile() throws IOException {
        assertArrayEquals(new int[] {0, 1}, read("1\n2\n", "label\n0\n1\n").labels());
        assertEquals(new ClassLabels(List.of("no", "yes"), false),
                read("1\n2\n", "answer\nyes\nno\n").classes());
    }

    @Test
    void readsTheLabelColumnByName() throws IOException {
        Path file = write("iris.csv", "length,species,width\n1.5,setosa,0.2\n4.5,versicolor,1.5\n");

        Dataset data = reader.read(CsvSource.withLabelColumn(file, "species"));

        assertEquals(List.of("length", "width"), data.featureNames());
        assertArrayEquals(new double[] {1.5, 0.2, 4.5, 1.5}, data.features());
        assertEquals(List.of("setosa", "versicolor"), data.classes().values());
        assertArrayEquals(new int[] {0, 1}, data.labels());
    }

    @Test
    void readsTheLabelColumnByIndexWithOrWithoutHeader() throws IOException {
        Path headerless = write("plain.csv", "0.5,1,7\n0.25,0,8\n");
        Path withHeader = write("named.csv", "a,y,b\n0.5,1,7\n0.25,0,8\n");

        for (Path file : List.of(headerless, withHeader)) {
            Dataset data = reader.read(CsvSource.withLabelColumn(file, "1"));
            assertArrayEquals(new double[] {0.5, 7, 0.25, 8}, data.features());
            assertArrayEquals(new int[] {1, 0}, data.labels());
        }
        assertEquals(List.of("a", "b"), reader.read(CsvSource.withLabelColumn(withHeader, "1")).featureNames());
    }

    @Test
    void doesNotMistakeAStringLabelColumnForAHeader() throws IOException {
        Path file = write("plain.csv", "0.5,cat\n0.25,dog\n");

        Dataset data = reader.read(CsvSource.withLabelColumn(file, "1"));

        assertEquals(2, data.rows());
        assertEquals(List.of("cat", "dog"), data.classes().values());
    }

    @Test
    void mapsTestLabelsOntoTheTrainingClasses() throws IOException {
        ClassLabels training = new ClassLabels(List.of("2", "10"), true);

        Dataset test = reader.read(source("1\n2\n", "10\n10\n"), training);

        assertSame(training, test.classes());
        assertArrayEquals(new int[] {1, 1}, test.labels());
    }

    @Test
    void checksTheTestFeatureCount() throws IOException {
        Dataset test = reader.read(source("1,2\n3,4\n", "0\n1\n"), ZERO_ONE, 2);
        assertEquals(2, test.columns());

        assertMessage("test.csv line 1: 2 feature columns, the training data has 3",
                () -> reader.read(source("1,2\n3,4\n", "0\n1\n"), ZERO_ONE, 3));
    }

    @Test
    void rejectsATestLabelTheTrainingSetDoesNotHave() {
        assertMessage("labels.csv line 3: label '2' is not one of the training classes [0, 1]",
                () -> reader.read(source("1\n2\n3\n", "0\n1\n2\n"), ZERO_ONE));
        assertMessage("labels.csv line 2: label 'x' is not one of the training classes [0, 1]",
                () -> reader.read(source("1\n2\n", "1\nx\n"), ZERO_ONE));
    }

    @Test
    void rejectsAnUnknownTestLabelInALabelColumn() throws IOException {
        Path file = write("test.csv", "a,y\n1,0\n2,7\n");

        assertMessage("test.csv line 3, column 2: label '7' is not one of the training classes [0, 1]",
                () -> reader.read(CsvSource.withLabelColumn(file, "y"), ZERO_ONE));
    }

    @Test
    void rejectsANonNumericCell() {
        assertMessage("test.csv line 3, column 2: \"abc\" is not a number",
                () -> read("1,2\n3,4\n5,abc\n", "0\n1\n0\n"));
        assertMessage("test.csv line 2, column 1: \"0x1p3\" is not a number",
                () -> read("1,2\n0x1p3,4\n", "0\n1\n"));
        assertMessage("test.csv line 2, column 2: \"4d\" is not a number",
                () -> read("a,b\n3,4d\n5,6\n", "0\n1\n"));
        assertMessage("test.csv line 2, column 1: \"3;4\" is not a number (cells are separated by commas)",
                () -> read("a;b\n3;4\n", "0\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nan", "NaN", "-nan", "inf", "-inf", "+Inf", "Infinity", "-Infinity", "1e400"})
    void rejectsNonFiniteNumbers(String cell) {
        assertMessage("test.csv line 2, column 2: \"" + cell + "\" is not a finite number",
                () -> read("1,2\n3," + cell + "\n", "0\n1\n"));
    }

    @Test
    void rejectsNonFiniteNumbersInTheFirstRowRatherThanTakingItForAHeader() {
        assertMessage("test.csv line 1, column 1: \"NaN\" is not a finite number",
                () -> read("NaN,2\n3,4\n", "0\n1\n"));
    }

    @Test
    void rejectsAnEmptyCell() {
        assertMessage("test.csv line 2, column 2: empty cell, expected a number",
                () -> read("1,2\n3, \n", "0\n1\n"));
    }

    @Test
    void rejectsRaggedRows() {
        assertMessage("test.csv line 3: 2 cells, but line 1 has 3",
                () -> read("1,2,3\n4,5,6\n7,8\n", "0\n1\n0\n"));
        assertMessage("test.csv line 2: 4 cells, but line 1 has 3",
                () -> read("1,2,3\n4,5,6,7\n", "0\n1\n"));
    }

    @Test
    void rejectsAFileWithoutDataRows() {
        assertMessage("test.csv has no data rows", () -> read("", "0\n1\n"));
        assertMessage("test.csv has no data rows", () -> read("\n\n", "0\n1\n"));
        assertMessage("test.csv has no data rows", () -> read("a,b\n", "0\n1\n"));
    }

    @Test
    void rejectsAnEmptyLineBetweenRows() {
        assertMessage("test.csv line 2 is empty but more data follows on line 3",
                () -> read("1,2\n\n3,4\n", "0\n1\n"));
        assertMessage("labels.csv line 1 is empty but more data follows on line 2",
                () -> read("1,2\n3,4\n", "\n0\n1\n"));
    }

    @Test
    void rejectsTextThatIsNotUtf8() throws IOException {
        Path latin1 = Files.write(folder.resolve("latin1.csv"), "Gr\u00f6\u00dfe,b\n1,2\n".getBytes(ISO_8859_1));

        assertMessage("latin1.csv is not UTF-8 text; save it as UTF-8",
                () -> reader.read(CsvSource.withLabelsFile(latin1, write("labels.csv", "0\n"))));
    }

    @Test
    void rejectsALabelCountThatDoesNotMatchTheRows() {
        assertMessage("labels.csv has 2 labels but test.csv has 3 data rows",
                () -> read("1\n2\n3\n", "0\n1\n"));
        assertMessage("labels.csv has 4 labels but test.csv has 3 data rows",
                () -> read("1\n2\n3\n", "0\n1\n0\n1\n"));
        assertMessage("labels.csv has 0 labels but test.csv has 3 data rows",
                () -> read("1\n2\n3\n", ""));

        // one line too many whose first line is a class, not a header
        assertMessage("labels.csv has 4 labels but test.csv has 3 data rows",
                () -> read("1\n2\n3\n", "yes\nno\nyes\nno\n"));
    }

    @Test
    void rejectsALabelsFileWithSeveralColumns() {
        assertMessage("labels.csv line 1: 2 cells, a labels file has one label per line",
                () -> read("1\n2\n", "0,1\n1,0\n"));
    }

    @Test
    void rejectsATrainingSetWithASingleClass() {
        assertMessage("labels.csv: every label is '1'; training needs at least 2 classes",
                () -> read("1\n2\n3\n", "1\n1\n1\n"));
    }

    @Test
    void acceptsATestSetWithASingleClass() throws IOException {
        Dataset test = reader.read(source("1\n2\n", "1\n1\n"), ZERO_ONE);

        assertArrayEquals(new int[] {1, 1}, test.labels());
        assertEquals(ZERO_ONE, test.classes());
    }

    @Test
    void rejectsAnEmptyLabelCell() throws IOException {
        Path file = write("train.csv", "a,y\n1,0\n2,\n");

        assertMessage("train.csv line 3, column 2: empty label",
                () -> reader.read(CsvSource.withLabelColumn(file, "y")));
        assertMessage("labels.csv line 2: empty label", () -> read("1\n2\n", "0\n\"\"\n"));
    }

    @Test
    void rejectsALabelColumnThatIsNotThere() throws IOException {
        Path named = write("named.csv", "a,b\n1,0\n2,1\n");
        Path plain = write("plain.csv", "1,0\n2,1\n");

        assertMessage("named.csv has no column named 'y'; line 1 has [a, b]",
                () -> reader.read(CsvSource.withLabelColumn(named, "y")));
        assertMessage("plain.csv has no header row, so it has no column named 'y'",
                () -> reader.read(CsvSource.withLabelColumn(plain, "y")));
        assertMessage("label column 2 is out of range: plain.csv line 1 has 2 columns, numbered from 0",
                () -> reader.read(CsvSource.withLabelColumn(plain, "2")));
    }

    @Test
    void requiresExactlyOneLabelSource() {
        Path file = folder.resolve("x.csv");

        assertThrows(IllegalArgumentException.class, () -> new CsvSource(file, null, null));
        assertThrows(IllegalArgumentException.class, () -> new CsvSource(file, file, "y"));
    }

    @Test
    void readsTheReferenceTrainingSet() {
        Dataset seed = ReferenceFiles.training("seed");

        assertEquals(400, seed.rows());
        assertEquals(10, seed.columns());
        assertEquals(ZERO_ONE, seed.classes());
    }

    @Test
    void loadsALargeFile() throws IOException {
        int rows = 200_000;
        int columns = 50;
        Path features = folder.resolve("large.csv");
        Path labels = folder.resolve("large_labels.csv");
        SplittableRandom random = new SplittableRandom(7);
        try (BufferedWriter data = Files.newBufferedWriter(features, UTF_8);
             BufferedWriter classes = Files.newBufferedWriter(labels, UTF_8)) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                for (int j = 0; j < columns; j++) {
                    // value = (i * columns + j) / 1000 plus a random 3-digit part, exactly as written
                    line.append(j == 0 ? "" : ",").append(i * columns + j).append('.')
                            .append(100 + random.nextInt(900));
                }
                data.append(line).append('\n');
                classes.append(i % 3 == 0 ? "1" : "0").append('\n');
            }
        }

        Dataset data = reader.read(CsvSource.withLabelsFile(features, labels));

        assertEquals(rows, data.rows());
        assertEquals(columns, data.columns());
        SplittableRandom replay = new SplittableRandom(7);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                int fraction = 100 + replay.nextInt(900);
                if (i % 50_000 == 0 || i == rows - 1) {
                    assertEquals(Double.parseDouble((i * columns + j) + "." + fraction), data.value(i, j));
                }
            }
        }
        assertArrayEquals(new int[] {rows - rows / 3 - 1, rows / 3 + 1}, data.classCounts());
    }

    @Test
    void readsQuotedNumbersAsNumbers() throws IOException {
        Dataset data = read("\"-1.37\", 2\n\"3\",\" 4.5 \"\n", "\"0\"\n1\n");

        assertEquals(2, data.rows());
        assertArrayEquals(new double[] {-1.37, 2, 3, 4.5}, data.features());
        assertEquals(List.of(), data.featureNames());
    }

    @Test
    void takesASingleQuotedRowForDataNotForAHeader() throws IOException {
        Dataset data = reader.read(CsvSource.withLabelColumn(write("one.csv", "\"-1.37\",\"0.2\",\"1\"\n"), "2"),
                new ClassLabels(List.of("0", "1"), true));

        assertEquals(1, data.rows());
        assertArrayEquals(new double[] {-1.37, 0.2}, data.features());
        assertArrayEquals(new int[] {1}, data.labels());
    }

    @Test
    void readsQuotedCellsAsRfc4180Says() throws IOException {
        Dataset data = reader.read(CsvSource.withLabelColumn(write("quoted.csv",
                "\"size, cm\",\"say \"\"hi\"\"\",label\n1,2,\"a,b\"\n3,4,c\n"), "label"));

        assertEquals(List.of("size, cm", "say \"hi\""), data.featureNames());
        assertEquals(new ClassLabels(List.of("a,b", "c"), false), data.classes());
        assertArrayEquals(new double[] {1, 2, 3, 4}, data.features());
    }

    @Test
    void refusesAmbiguousQuoting() {
        assertMessage("test.csv line 2, column 2: the quoted cell is not closed on this line (a cell cannot span lines)",
                () -> read("1,2\n3,\"4\n5\"\n", "0\n1\n"));
        assertMessage("test.csv line 2, column 1: text after the closing double quote",
                () -> read("1,2\n\"3\"4,5\n", "0\n1\n"));
        assertMessage("test.csv line 2, column 2: a double quote inside an unquoted cell; quote the whole cell and double the quote",
                () -> read("1,2\n3,4\"\n", "0\n1\n"));
        assertMessage("labels.csv line 2: 2 cells, a labels file has one label per line",
                () -> read("1,2\n3,4\n", "0\n\"1\",\"2\"\n"));
    }

    @Test
    void saysWhichInputIsAtFault() {
        InvalidDataException features = assertThrows(InvalidDataException.class, () -> read("1,2\n3,x\n", "0\n1\n"));
        assertEquals(InvalidDataException.Part.FEATURES, features.part());
        InvalidDataException labels = assertThrows(InvalidDataException.class, () -> read("1,2\n3,4\n", "0\n"));
        assertEquals(InvalidDataException.Part.LABELS, labels.part());
        InvalidDataException singleClass = assertThrows(InvalidDataException.class, () -> read("1,2\n3,4\n", "1\n1\n"));
        assertEquals(InvalidDataException.Part.LABELS, singleClass.part());
        InvalidDataException column = assertThrows(InvalidDataException.class,
                () -> reader.read(CsvSource.withLabelColumn(write("c.csv", "a,b\n1,0\n2,1\n"), "label")));
        assertEquals(InvalidDataException.Part.LABEL_COLUMN, column.part());
        assertEquals(null, column.dataSet());
    }

    @Test
    void namesFilesAsTheCallerSays() throws IOException {
        Path data = Files.createDirectories(folder.resolve("a")).resolve("data.csv");
        Files.writeString(data, "1,2\n3,x\n");
        Path labels = write("labels.csv", "0\n1\n");
        CsvDatasetReader named = new CsvDatasetReader(file -> folder.relativize(file).toString());

        assertMessage("a/data.csv line 2, column 2: \"x\" is not a number",
                () -> named.read(CsvSource.withLabelsFile(data, labels)));
    }

    private Dataset read(String features, String labels) throws IOException {
        return reader.read(source(features, labels));
    }

    private CsvSource source(String features, String labels) throws IOException {
        return CsvSource.withLabelsFile(write("test.csv", features), write("labels.csv", labels));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content, UTF_8);
    }

    private static void assertMessage(String expected, ThrowingRunnable read) {
        InvalidDataException e = assertThrows(InvalidDataException.class, read::run);
        assertEquals(expected, e.getMessage());
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
