package org.mlplatform.inference.predictions.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads comma-separated rows, headerless or with the training header (the first line, when it is
 * not numeric, must then name the model's features in order). A BOM, CRLF line ends, blank lines
 * and spaces around cells are accepted.
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
        FeatureValues values = new FeatureValues(featureCount, limits);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new BoundedInputStream(body, limits), StandardCharsets.UTF_8))) {
            String line;
            boolean first = true;
            while ((line = reader.readLine()) != null) {
                if (first && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
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

    private static void readRow(FeatureValues values, String[] cells) {
        values.startRow();
        int row = values.rows() + 1;
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i].strip();
            if (!isNumberSyntax(cell) || !parses(values, cell)) {
                if (NOT_FINITE.matcher(cell).matches()) {
                    throw InvalidInputException.at("Non-finite value",
                            "row " + row + ", column " + (i + 1) + ": " + cell + " is not a finite number", row, i + 1);
                }
                throw InvalidInputException.at("Non-numeric value",
                        "row " + row + ", column " + (i + 1) + ": '" + cell + "' is not a number", row, i + 1);
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

    private static boolean isHeader(String[] cells) {
        return Arrays.stream(cells).map(String::strip).allMatch(cell -> !cell.isEmpty()
                && !isNumberSyntax(cell) && !NOT_FINITE.matcher(cell).matches());
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

    private static void checkHeader(String[] cells, int featureCount, List<String> featureNames) {
        List<String> header = Arrays.stream(cells).map(String::strip).map(CsvInstancesReader::unquote).toList();
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

    private static String unquote(String cell) {
        return cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"") ? cell.substring(1, cell.length() - 1) : cell;
    }
}
