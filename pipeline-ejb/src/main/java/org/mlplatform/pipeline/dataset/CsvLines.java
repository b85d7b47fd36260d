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
 * UTF-8 byte order mark; blank lines may only trail the data.
 */
final class CsvLines implements Closeable {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final BufferedReader reader;
    private final String fileName;
    private int lineNumber;
    private int blankLineNumber;

    CsvLines(Path file) throws IOException {
        this.reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        this.fileName = displayName(file);
    }

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

    /** The cells of a line, trimmed. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        int start = 0;
        while (true) {
            int end = line.indexOf(',', start);
            if (end < 0) {
                cells.add(line.substring(start).trim());
                return cells;
            }
            cells.add(line.substring(start, end).trim());
            start = end + 1;
        }
    }

    static int cellCount(String line) {
        int count = 1;
        for (int i = line.indexOf(','); i >= 0; i = line.indexOf(',', i + 1)) {
            count++;
        }
        return count;
    }

    /** A trimmed cell without the double quotes a spreadsheet may have put around a name or label. */
    static String unquote(String cell) {
        if (cell.length() >= 2 && cell.charAt(0) == '"' && cell.charAt(cell.length() - 1) == '"') {
            return cell.substring(1, cell.length() - 1).replace("\"\"", "\"").trim();
        }
        return cell;
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
