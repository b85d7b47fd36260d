package org.mlplatform.inference.predictions.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads comma-separated rows, headerless or with the training header (the first record, when no
 * cell of it is numeric, must then name the model's features in order). Quoting follows RFC 4180:
 * a cell in double quotes may hold commas, line breaks and doubled quotes, and a quoted number is
 * that number. A BOM, CRLF or LF line ends, blank lines and spaces around cells are accepted; a
 * quote inside an unquoted cell, text after a closing quote or an unterminated quote is refused,
 * since any reading of them would be a guess.
 * <p>
 * The body is scanned as bytes first ({@link CsvRowsScanner}: plain headerless numeric rows, numbers
 * parsed in place, no String per cell); anything else it leaves to the record reader below, which
 * then answers exactly as it always did.
 */
public class CsvInstancesReader {

    private static final Pattern NOT_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    private final RequestLimits limits;

    public CsvInstancesReader(RequestLimits limits) {
        this.limits = limits;
    }

    /**
     * @param featureNames the model's feature names, or empty when it was trained without a header
     */
    public FeatureMatrix read(InputStream body, int featureCount, List<String> featureNames) {
        return read(body, featureCount, featureNames, -1);
    }

    /** @param contentLength the body's Content-Length, or -1: the body is read into an array of that size at once */
    public FeatureMatrix read(InputStream body, int featureCount, List<String> featureNames, long contentLength) {
        RequestBytes bytes = RequestBytes.read(body, limits, contentLength);
        FeatureMatrix scanned = new CsvRowsScanner(bytes.data(), bytes.length(), featureCount, limits.maxRows()).scan();
        return scanned != null ? scanned : readRecords(bytes.stream(), featureCount, featureNames);
    }

    /** The RFC 4180 record reading, for what the scanner leaves to it (and for tests comparing the two). */
    FeatureMatrix readRecords(InputStream body, int featureCount, List<String> featureNames) {
        FeatureValues values = new FeatureValues(featureCount, limits);
        try (Reader reader = new InputStreamReader(new BoundedInputStream(body, limits), StandardCharsets.UTF_8)) {
            Records records = new Records(reader);
            boolean first = true;
            for (List<String> cells = records.next(); cells != null; cells = records.next()) {
                if (cells.size() == 1 && cells.get(0).isBlank() && !records.lastHadQuotes()) {
                    continue;
                }
                if (first) {
                    first = false;
                    if (isHeader(cells)) {
                        checkHeader(cells, featureCount, featureNames);
                        continue;
                    }
                }
                readRow(values, cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
        return values.toMatrix();
    }

    private static void readRow(FeatureValues values, List<String> cells) {
        values.startRow();
        int row = values.rows() + 1;
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (!isNumberSyntax(cell) || !parses(values, cell)) {
                if (NOT_FINITE.matcher(cell).matches()) {
                    throw InvalidInputException.at("Non-finite value",
                            "row " + row + ", column " + (i + 1) + ": " + cell + " is not a finite number", row, i + 1);
                }
                throw InvalidInputException.at("Non-numeric value",
                        "row " + row + ", column " + (i + 1) + ": '" + FeatureValues.shown(cell) + "' is not a number", row, i + 1);
            }
        }
        values.endRow();
    }

    /** A header names every column; a first row with a stray non-numeric cell is data, and fails as such. */
    private static boolean parses(FeatureValues values, String cell) {
        try {
            values.add(cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isHeader(List<String> cells) {
        return cells.stream().allMatch(cell -> !cell.isEmpty() && !isNumberSyntax(cell) && !NOT_FINITE.matcher(cell).matches());
    }

    /**
     * Whether the cell holds only the characters of a decimal number. Float.parseFloat alone would
     * also take "1f", "0x1p3", "NaN" or "Infinity"; this rules those out, cheaper than a regular
     * expression on every cell, and leaves malformed ones such as "1e" or "+-1" to the parse.
     */
    private static boolean isNumberSyntax(String cell) {
        if (cell.isEmpty()) {
            return false;
        }
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if ((c < '0' || c > '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return false;
            }
        }
        return true;
    }

    private static void checkHeader(List<String> header, int featureCount, List<String> featureNames) {
        if (header.size() != featureCount) {
            throw InvalidInputException.at("Wrong feature count",
                    "the header names " + header.size() + " columns, the model takes " + featureCount, 0, null);
        }
        if (featureNames.isEmpty()) {
            return;
        }
        for (int i = 0; i < featureCount; i++) {
            if (!header.get(i).equals(featureNames.get(i))) {
                throw InvalidInputException.at("Header mismatch",
                        "header column " + (i + 1) + " is '" + header.get(i) + "', the model expects '" + featureNames.get(i)
                                + "' (features in training order: " + featureNames + ")", 0, i + 1);
            }
        }
    }

    /**
     * RFC 4180 records, one list of cells each; unquoted cells are stripped of surrounding spaces,
     * quoted ones keep their content as it is. Counts physical lines for error messages.
     */
    private static final class Records {

        private static final int EOF = -1;

        private final Reader reader;
        private final char[] buffer = new char[8192];
        private int position;
        private int limit;
        private final StringBuilder cell = new StringBuilder(16);
        private int line = 1;
        private boolean started;
        private boolean quotes;

        Records(Reader reader) {
            this.reader = reader;
        }

        /** One character, or EOF; buffered here because Reader.read() takes a lock per call. */
        private int read() throws IOException {
            if (position == limit) {
                limit = reader.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return EOF;
                }
            }
            return buffer[position++];
        }

        boolean lastHadQuotes() {
            return quotes;
        }

        /** The next record, or null at the end of the input. */
        List<String> next() throws IOException {
            int c = read();
            if (!started) {
                started = true;
                if (c == '\uFEFF') {
                    c = read();
                }
            }
            if (c == EOF) {
                return null;
            }
            int recordLine = line;
            quotes = false;
            List<String> cells = new ArrayList<>();
            while (true) {
                cell.setLength(0);
                while (c == ' ' || c == '\t') {
                    c = read();
                }
                if (c == '"') {
                    quotes = true;
                    c = readQuoted(recordLine);
                    while (c == ' ' || c == '\t') {
                        c = read();
                    }
                    if (c != ',' && c != '\n' && c != '\r' && c != EOF) {
                        throw malformed(recordLine, "text after the closing quote of cell " + (cells.size() + 1));
                    }
                    cells.add(cell.toString());
                } else {
                    while (c != ',' && c != '\n' && c != '\r' && c != EOF) {
                        if (c == '"') {
                            throw malformed(recordLine, "a quote inside unquoted cell " + (cells.size() + 1)
                                    + " (quote the whole cell and double the quote)");
                        }
                        cell.append((char) c);
                        c = read();
                    }
                    cells.add(cell.toString().strip());
                }
                if (c == ',') {
                    c = read();
                    continue;
                }
                if (c == '\r') {
                    c = read();
                    if (c != '\n' && c != EOF) {
                        throw malformed(recordLine, "a carriage return that does not end the line");
                    }
                }
                if (c == '\n') {
                    line++;
                }
                return cells;
            }
        }

        /** Reads a quoted cell's content into {@link #cell}; returns the character after the closing quote. */
        private int readQuoted(int recordLine) throws IOException {
            while (true) {
                int c = read();
                if (c == EOF) {
                    throw malformed(recordLine, "a quoted cell is not closed");
                }
                if (c == '"') {
                    int after = read();
                    if (after != '"') {
                        return after;
                    }
                } else if (c == '\n') {
                    line++;
                }
                cell.append((char) c);
            }
        }

        private static InvalidInputException malformed(int line, String what) {
            return InvalidInputException.badRequest("Malformed CSV", "line " + line + ": " + what + " (RFC 4180)");
        }
    }
}
