package org.mlplatform.pipeline.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Reads a labelled data set from CSV: numeric features, with or without a header row, and class
 * labels from a separate file or from a column of the features file.
 *
 * <ul>
 *   <li>A first row is a header when one of its (feature) cells is neither empty nor a number.</li>
 *   <li>Labels are integers when every label parses as a {@code long} (classes in numeric order),
 *       otherwise strings (classes in lexicographic order).</li>
 *   <li>A labels file has one label per line; its first line is a header when it is not a number and
 *       either every other line is one, or the file has one more line than the features have rows and
 *       the first line's text does not occur again (so an extra label line is not taken for a header).</li>
 *   <li>Cells are separated by commas and may be quoted as RFC 4180 says: {@code "-1.37"} is a number,
 *       {@code "a,b"} one cell, {@code ""} inside quotes one double quote. A first row whose cells are
 *       all numbers, quoted or not, is data.</li>
 * </ul>
 *
 * The file is streamed and its values are stored once, in an array allocated at its final size
 * after a fast byte scan has counted the lines. Problems a user must fix throw
 * {@link InvalidDataException} naming the file, line and 1-based column, and whether the features
 * file, the labels file or the label column is at fault ({@link InvalidDataException#part()}).
 */
public final class CsvDatasetReader {

    private final Function<Path, String> names;

    /** A reader whose messages name files by their file name. */
    public CsvDatasetReader() {
        this(CsvLines::displayName);
    }

    /**
     * A reader whose messages name each file as {@code names} says, e.g. by its path relative to a
     * data folder, so that two files of the same name in different folders are told apart.
     */
    public CsvDatasetReader(Function<Path, String> names) {
        this.names = Objects.requireNonNull(names, "names");
    }

    /** Reads a training set; its classes are the distinct labels found, at least two. */
    public Dataset read(CsvSource source) throws IOException {
        return readLabelled(source, null, 0);
    }

    /**
     * Reads a test set whose labels must be among the training classes; it may hold only some of
     * them. The result has exactly {@code knownClasses}, so class indices match the training set's.
     */
    public Dataset read(CsvSource source, ClassLabels knownClasses) throws IOException {
        return readLabelled(source, Objects.requireNonNull(knownClasses, "knownClasses"), 0);
    }

    /** As {@link #read(CsvSource, ClassLabels)}, and the file must have {@code expectedColumns} features. */
    public Dataset read(CsvSource source, ClassLabels knownClasses, int expectedColumns) throws IOException {
        if (expectedColumns < 1) {
            throw new IllegalArgumentException("expectedColumns must be at least 1, got " + expectedColumns);
        }
        return readLabelled(source, Objects.requireNonNull(knownClasses, "knownClasses"), expectedColumns);
    }

    private Dataset readLabelled(CsvSource source, ClassLabels knownClasses, int expectedColumns)
            throws IOException {
        FeatureTable table;
        try {
            table = readFeatures(source, expectedColumns);
        } catch (InvalidDataException e) {
            throw e.in(InvalidDataException.Part.FEATURES);
        }
        // a label column's labels are cells of the features file
        InvalidDataException.Part labelPart = source.labels() == null
                ? InvalidDataException.Part.FEATURES : InvalidDataException.Part.LABELS;
        try {
            LabelCollector labels;
            String labelOrigin;
            IntFunction<String> where;
            if (source.labels() == null) {
                labels = table.labels();
                labelOrigin = table.fileName();
                where = row -> table.fileName() + " line " + (row + table.firstDataLine()) + ", column "
                        + (table.labelIndex() + 1);
            } else {
                labels = new LabelCollector(table.rows() + 1);
                labelOrigin = names.apply(source.labels());
                int firstLabelLine = readLabelsFile(source.labels(), labelOrigin, labels, table);
                where = row -> labelOrigin + " line " + (row + firstLabelLine);
            }
            ClassLabels classes = knownClasses;
            if (classes == null) {
                classes = labels.classes();
                if (classes.size() < 2) {
                    throw new InvalidDataException(labelOrigin + ": every label is '" + classes.get(0)
                            + "'; training needs at least 2 classes");
                }
            }
            return new Dataset(table.values(), table.rows(), table.columns(), labels.encode(classes, where), classes,
                    table.featureNames());
        } catch (InvalidDataException e) {
            throw e.in(labelPart);
        }
    }

    /** Returns the line number of the first label. */
    private static int readLabelsFile(Path file, String fileName, LabelCollector labels, FeatureTable table)
            throws IOException {
        boolean firstIsNumber = true;
        boolean othersAreNumbers = true;
        try (CsvLines lines = new CsvLines(file, fileName)) {
            for (String line = lines.next(); line != null; line = lines.next()) {
                List<String> cells = CsvLines.hasQuotes(line)
                        ? CsvLines.cells(line, fileName, lines.lineNumber()) : null;
                int count = cells != null ? cells.size() : CsvLines.cellCount(line, fileName, lines.lineNumber());
                if (count != 1) {
                    throw new InvalidDataException(fileName + " line " + lines.lineNumber() + ": " + count
                            + " cells, a labels file has one label per line");
                }
                String label = cells != null ? cells.get(0) : line.trim();
                if (label.isEmpty()) {
                    throw new InvalidDataException(fileName + " line " + lines.lineNumber() + ": empty label");
                }
                if (lines.lineNumber() == 1) {
                    firstIsNumber = NumberCell.looksNumeric(label);
                } else {
                    othersAreNumbers &= NumberCell.looksNumeric(label);
                }
                labels.add(label);
            }
        }
        boolean header = !firstIsNumber && labels.count() > 1
                && (othersAreNumbers || labels.count() == table.rows() + 1 && labels.firstOccursOnce());
        if (header) {
            labels.dropFirst();
        }
        if (labels.count() != table.rows()) {
            throw new InvalidDataException(fileName + " has " + labels.count() + " labels but "
                    + table.fileName() + " has " + table.rows() + " data rows");
        }
        return header ? 2 : 1;
    }

    private FeatureTable readFeatures(CsvSource source, int expectedColumns) throws IOException {
        Path file = source.features();
        int nonBlankLines = CsvLines.countNonBlank(file);
        try (CsvLines lines = new CsvLines(file, names.apply(file))) {
            String fileName = lines.fileName();
            String first = lines.next();
            if (first == null) {
                throw new InvalidDataException(fileName + " has no data rows");
            }
            List<String> firstCells = CsvLines.cells(first, fileName, lines.lineNumber());
            int labelIndexByNumber = source.labelColumn() == null ? -1 : indexFromDigits(source.labelColumn());
            boolean header = isHeader(firstCells, labelIndexByNumber);
            int cells = firstCells.size();
            int labelIndex;
            try {
                labelIndex = source.labelColumn() == null ? -1
                        : labelColumnIndex(source.labelColumn(), header ? firstCells : null, cells, fileName);
            } catch (InvalidDataException e) {
                throw e.in(InvalidDataException.Part.LABEL_COLUMN);
            }
            int columns = cells - (labelIndex >= 0 ? 1 : 0);
            if (columns == 0) {
                throw new InvalidDataException(fileName + " line 1: no feature columns");
            }
            if (expectedColumns > 0 && columns != expectedColumns) {
                throw new InvalidDataException(fileName + " line 1: " + columns
                        + " feature columns, the training data has " + expectedColumns);
            }
            int rows = nonBlankLines - (header ? 1 : 0);
            if (rows == 0) {
                throw new InvalidDataException(fileName + " has no data rows");
            }
            double[] values = allocate(rows, columns, fileName);
            LabelCollector labels = labelIndex >= 0 ? new LabelCollector(rows) : null;
            RowParser parser = new RowParser(fileName, cells, labelIndex, values, labels);
            int row = 0;
            for (String line = header ? lines.next() : first; line != null; line = lines.next()) {
                if (row == rows) {
                    throw new IOException(fileName + " changed while it was being read");
                }
                parser.parse(line, lines.lineNumber(), row++);
            }
            if (row != rows) {
                throw new IOException(fileName + " changed while it was being read");
            }
            List<String> featureNames = header ? featureNames(firstCells, labelIndex) : List.of();
            return new FeatureTable(fileName, values, rows, columns, featureNames, labels, labelIndex,
                    header ? 2 : 1);
        }
    }

    private static boolean isHeader(List<String> cells, int labelIndex) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (i != labelIndex && !cell.isEmpty() && !NumberCell.looksNumeric(cell)) {
                return true;
            }
        }
        return false;
    }

    /** The 0-based index written as digits, or -1 when the label column is given by name. */
    private static int indexFromDigits(String labelColumn) {
        String trimmed = labelColumn.trim();
        if (trimmed.isEmpty() || trimmed.length() > 9 || !trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Integer.parseInt(trimmed);
    }

    /** A header name wins over a number, so a column named "3" is found by name. */
    private static int labelColumnIndex(String labelColumn, List<String> header, int cells, String fileName) {
        String wanted = labelColumn.trim();
        if (header != null) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).equals(wanted)) {
                    return i;
                }
            }
        }
        int index = indexFromDigits(wanted);
        if (index < 0) {
            throw new InvalidDataException(header == null
                    ? fileName + " has no header row, so it has no column named '" + wanted + "'"
                    : fileName + " has no column named '" + wanted + "'; line 1 has "
                            + header);
        }
        if (index >= cells) {
            throw new InvalidDataException("label column " + index + " is out of range: " + fileName
                    + " line 1 has " + cells + " columns, numbered from 0");
        }
        return index;
    }

    private static List<String> featureNames(List<String> header, int labelIndex) {
        return IntStream.range(0, header.size())
                .filter(i -> i != labelIndex)
                .mapToObj(header::get)
                .toList();
    }

    private static double[] allocate(int rows, int columns, String fileName) {
        long size = (long) rows * columns;
        if (size > Integer.MAX_VALUE - 8) {
            throw new InvalidDataException(fileName + ": " + rows + " rows x " + columns
                    + " columns are more values than one data set can hold");
        }
        return new double[(int) size];
    }

    /** Parses data lines into the row-major values, and the label cell into the labels. */
    private static final class RowParser {
        private final String fileName;
        private final int cells;
        private final int labelIndex;
        private final double[] values;
        private final LabelCollector labels;
        private final int columns;

        RowParser(String fileName, int cells, int labelIndex, double[] values, LabelCollector labels) {
            this.fileName = fileName;
            this.cells = cells;
            this.labelIndex = labelIndex;
            this.values = values;
            this.labels = labels;
            this.columns = labelIndex >= 0 ? cells - 1 : cells;
        }

        void parse(String line, int lineNumber, int row) {
            if (CsvLines.hasQuotes(line)) {
                parseQuoted(line, lineNumber, row);
                return;
            }
            int offset = row * columns;
            int start = 0;
            int cell = 0;
            while (true) {
                int comma = line.indexOf(',', start);
                int end = comma < 0 ? line.length() : comma;
                if (cell == cells) {
                    throw ragged(line, lineNumber);
                }
                if (cell == labelIndex) {
                    addLabel(line.substring(start, end), lineNumber, cell);
                } else {
                    values[offset++] = NumberCell.parse(line, start, end, fileName, lineNumber, cell + 1);
                }
                cell++;
                if (comma < 0) {
                    break;
                }
                start = comma + 1;
            }
            if (cell != cells) {
                throw ragged(line, lineNumber);
            }
        }

        /** The slow path for a line with double quotes: RFC 4180 cells first, then each one's value. */
        private void parseQuoted(String line, int lineNumber, int row) {
            List<String> parsed = CsvLines.cells(line, fileName, lineNumber);
            if (parsed.size() != cells) {
                throw ragged(line, lineNumber);
            }
            int offset = row * columns;
            for (int cell = 0; cell < cells; cell++) {
                String text = parsed.get(cell);
                if (cell == labelIndex) {
                    addLabel(text, lineNumber, cell);
                } else {
                    values[offset++] = NumberCell.parse(text, 0, text.length(), fileName, lineNumber, cell + 1);
                }
            }
        }

        private void addLabel(String cell, int lineNumber, int index) {
            String label = cell.trim();
            if (label.isEmpty()) {
                throw new InvalidDataException(fileName + " line " + lineNumber + ", column " + (index + 1)
                        + ": empty label");
            }
            labels.add(label);
        }

        private InvalidDataException ragged(String line, int lineNumber) {
            return new InvalidDataException(fileName + " line " + lineNumber + ": "
                    + CsvLines.cellCount(line, fileName, lineNumber) + " cells, but line 1 has " + cells);
        }
    }

    private record FeatureTable(String fileName, double[] values, int rows, int columns, List<String> featureNames,
                                LabelCollector labels, int labelIndex, int firstDataLine) {
    }
}
