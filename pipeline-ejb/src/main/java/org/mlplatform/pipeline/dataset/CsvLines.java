package org.mlplatform.pipeline.dataset;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The non-blank lines of a CSV file, read one at a time. Accepts LF, CRLF and CR line ends and a
 * UTF-8 byte order mark; blank lines may only trail the data. Cells follow RFC 4180: separated by
 * commas; a cell in double quotes may hold commas and doubled double quotes ({@code ""}). A quoted
 * cell must end on its line, and a double quote inside an unquoted cell is refused rather than guessed at.
 */
final class CsvLines implements Closeable {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final BufferedReader reader;
    private final String fileName;
    private int lineNumber;
    private int blankLineNumber;

    CsvLines(Path file, String fileName) throws IOException {
        this.reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        this.fileName = fileName;
    }

    /** The name a file goes by in messages when the caller gives none: its file name. */
    static String displayName(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    String fileName() {
        return fileName;
    }

    /** The 1-based number of the line {@link #next()} returned last. */
    int lineNumber() {
        return lineNumber;
    }

    /** The next non-blank line, or null at the end of the file. */
    String next() throws IOException {
        for (String line = readLine(); line != null; line = readLine()) {
            lineNumber++;
            if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
                line = line.substring(1);
            }
            if (isBlank(line)) {
                if (blankLineNumber == 0) {
                    blankLineNumber = lineNumber;
                }
            } else if (blankLineNumber != 0) {
                throw new InvalidDataException(fileName + " line " + blankLineNumber
                        + " is empty but more data follows on line " + lineNumber);
            } else {
                return line;
            }
        }
        return null;
    }

    private String readLine() throws IOException {
        try {
            return reader.readLine();
        } catch (MalformedInputException e) {
            // the decoder reads ahead, so the line of the bad byte is not known here
            throw new InvalidDataException(fileName + " is not UTF-8 text; save it as UTF-8");
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /**
     * Counts the lines {@link #next()} would return, scanning bytes without decoding them, so that
     * a reader can allocate its values once at their final size.
     */
    static int countNonBlank(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n = in.readNBytes(buffer, 0, buffer.length);
            int start = startsWithByteOrderMark(buffer, n) ? 3 : 0;
            int count = 0;
            boolean content = false;
            while (n > 0) {
                for (int i = start; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '\n' || b == '\r') {
                        if (content) {
                            count++;
                        }
                        content = false;
                    } else if (b != ' ' && b != '\t') {
                        content = true;
                    }
                }
                start = 0;
                n = in.read(buffer);
            }
            return content ? count + 1 : count;
        }
    }

    /** Whether a line needs the quote-aware {@link #cells}; without a double quote, commas split it. */
    static boolean hasQuotes(String line) {
        return line.indexOf('"') >= 0;
    }

    /**
     * The cells of a line, trimmed, quoted cells without their quotes ({@code ""} inside read as one
     * {@code "}).
     *
     * @throws InvalidDataException naming the file, line and 1-based column of a malformed quoted cell
     */
    static List<String> cells(String line, String fileName, int lineNumber) {
        List<String> cells = new ArrayList<>();
        int i = 0;
        int length = line.length();
        while (true) {
            int column = cells.size() + 1;
            while (i < length && isBlank(line.charAt(i))) {
                i++;
            }
            if (i < length && line.charAt(i) == '"') {
                StringBuilder cell = new StringBuilder();
                i++;
                while (true) {
                    if (i >= length) {
                        throw new InvalidDataException(fileName + " line " + lineNumber + ", column " + column
                                + ": the quoted cell is not closed on this line (a cell cannot span lines)");
                    }
                    char c = line.charAt(i++);
                    if (c != '"') {
                        cell.append(c);
                    } else if (i < length && line.charAt(i) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
                while (i < length && isBlank(line.charAt(i))) {
                    i++;
                }
                if (i < length && line.charAt(i) != ',') {
                    throw new InvalidDataException(fileName + " line " + lineNumber + ", column " + column
                            + ": text after the closing double quote");
                }
                cells.add(cell.toString().trim());
            } else {
                int end = line.indexOf(',', i);
                String cell = line.substring(i, end < 0 ? length : end).trim();
                if (cell.indexOf('"') >= 0) {
                    throw new InvalidDataException(fileName + " line " + lineNumber + ", column " + column
                            + ": a double quote inside an unquoted cell; quote the whole cell and double the quote");
                }
                cells.add(cell);
                i = end < 0 ? length : end;
            }
            if (i >= length) {
                return cells;
            }
            i++; // the comma
        }
    }

    /** The number of cells {@link #cells} finds, counted without copying them where the line has no quotes. */
    static int cellCount(String line, String fileName, int lineNumber) {
        if (hasQuotes(line)) {
            return cells(line, fileName, lineNumber).size();
        }
        int count = 1;
        for (int i = line.indexOf(','); i >= 0; i = line.indexOf(',', i + 1)) {
            count++;
        }
        return count;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithByteOrderMark(byte[] buffer, int length) {
        return length >= 3 && buffer[0] == (byte) 0xEF && buffer[1] == (byte) 0xBB && buffer[2] == (byte) 0xBF;
    }
}
