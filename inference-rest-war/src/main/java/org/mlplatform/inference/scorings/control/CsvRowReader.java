package org.mlplatform.inference.scorings.control;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

import org.mlplatform.inference.predictions.control.ByteSearch;
import org.mlplatform.inference.predictions.control.NumericCsvRow;
import org.mlplatform.inference.scorings.entity.BadRowPolicy;
import org.mlplatform.inference.scorings.entity.RejectedRow;
import org.mlplatform.inference.scorings.entity.RowBlock;

/**
 * Reads a features CSV as blocks of float32 rows straight from its bytes, from any byte offset a
 * checkpoint recorded, so a restarted job goes on where it stopped. Accepts what the inference
 * service's CSV reader accepts: headerless or with the training header (first line, when no cell of
 * it is a number; its names must then be the model's), a UTF-8 BOM, CRLF line ends, blank lines,
 * spaces around cells. Each line is parsed by {@link NumericCsvRow}, as the predict body's CSV is, so
 * rows score exactly as the same rows sent to {@code POST /api/models/{model}/predict}.
 * <p>
 * Memory: one read buffer (1 MB, growing only for a longer line) and the block being filled.
 */
public class CsvRowReader implements Closeable {

    private static final int BUFFER_BYTES = 1 << 20;
    private static final int MAX_LINE_BYTES = 64 << 20;

    private final FileChannel channel;
    private final String fileName;
    private final int columns;
    private final List<String> featureNames;
    private byte[] data = new byte[BUFFER_BYTES];
    private int position;
    private int limit;
    private boolean endOfFile;
    /** File offset of {@code data[0]}. */
    private long bufferOffset;
    private long line;
    private long row;
    private boolean atStart;
    /** The block {@link #nextRaw} is cutting: its bytes so far, and where in {@link #data} its uncopied part starts (-1: none). */
    private byte[] cut;
    private int cutLength;
    private int cutFrom = -1;
    private int lastCutLength = 64 << 10;

    /**
     * @param offset byte offset to start at (0, or what {@link #offset()} returned at a checkpoint)
     * @param line   lines before {@code offset}
     * @param row    data rows before {@code offset}
     */
    public CsvRowReader(Path file, String fileName, int columns, List<String> featureNames, long offset, long line, long row)
            throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.fileName = fileName;
        this.columns = columns;
        this.featureNames = featureNames;
        this.line = line;
        this.row = row;
        this.atStart = offset == 0;
        long size = channel.size();
        if (offset > size) {
            channel.close();
            throw new IOException(fileName + " is shorter (" + size + " bytes) than the checkpoint's offset " + offset);
        }
        channel.position(offset);
        this.bufferOffset = offset;
    }

    /**
     * Checks the file's header, if it has one, against the model; reads only up to the first line
     * that is not blank.
     *
     * @return whether the file starts with a header
     * @throws BadRowException when the header does not name the model's features
     */
    public static boolean inspectHeader(Path file, String fileName, int columns, List<String> featureNames) throws IOException {
        try (CsvRowReader reader = new CsvRowReader(file, fileName, columns, featureNames, 0, 0, 0)) {
            int[] bounds = new int[2];
            while (reader.nextLine(bounds)) {
                if (!reader.isBlank(bounds[0], bounds[1])) {
                    boolean header = reader.isHeader(bounds[0], bounds[1]);
                    if (header) {
                        reader.checkHeader(bounds[0], bounds[1]);
                    }
                    return header;
                }
            }
            return false;
        }
    }

    /**
     * Counts the data rows of a file: the rows a reader from its start hands out (blank lines and a
     * header not counted). Only finds the line ends; does not check the header or parse a row.
     *
     * @param stopped asked every 65,536 lines; the count gives up when it answers true
     * @return the rows, or empty when stopped
     */
    public static OptionalLong countRows(Path file, String fileName, BooleanSupplier stopped) throws IOException {
        try (CsvRowReader reader = new CsvRowReader(file, fileName, 0, List.of(), 0, 0, 0)) {
            long rows = 0;
            int[] bounds = new int[2];
            while (reader.nextLine(bounds)) {
                if ((reader.line & 0xFFFF) == 0 && stopped.getAsBoolean()) {
                    return OptionalLong.empty();
                }
                if (reader.isBlank(bounds[0], bounds[1])) {
                    continue;
                }
                if (reader.atStart) {
                    reader.atStart = false;
                    if (reader.isHeader(bounds[0], bounds[1])) {
                        continue;
                    }
                }
                rows++;
            }
            return OptionalLong.of(rows);
        }
    }

    /** Byte offset of the next unread line. */
    public long offset() {
        return bufferOffset + position;
    }

    /** Lines read so far. */
    public long line() {
        return line;
    }

    /** Data rows read so far (accepted and rejected). */
    public long row() {
        return row;
    }

    /**
     * Lines cut from the file but not parsed yet: what {@link #parse} turns into a block, on any
     * thread. The block's bytes as read (line ends and a header included, blank lines left out), the start
     * and end of each data row in them ({@code bounds[2i]}, {@code bounds[2i + 1]}, without its line
     * end), and each row's line number; its rows are numbered from {@code firstRow}.
     * {@code offsetAfter}, {@code lineAfter} and {@code rowAfter} are the reader's position after
     * these lines (what a checkpoint records once the block is written).
     */
    public record RawBlock(int count, byte[] bytes, int[] bounds, long[] lines, long firstRow, long offsetAfter, long lineAfter,
                           long rowAfter) {
    }

    /**
     * Reads up to {@code maxRows} data rows.
     *
     * @param keepText keep each accepted line's bytes (for an output that repeats the input)
     * @return the block, or null at the end of the file
     * @throws BadRowException under {@link BadRowPolicy#FAIL}, for the first row that cannot be read
     */
    public RowBlock next(int maxRows, boolean keepText, BadRowPolicy policy) throws IOException {
        RawBlock raw = nextRaw(maxRows);
        return raw == null ? null : parse(raw, keepText, policy);
    }

    /**
     * Cuts the next {@code maxRows} data rows (skipping blank lines, checking the header); null at the
     * end of the file. Only finds the line ends: the block's bytes are copied in one piece (two when
     * the read buffer is refilled meanwhile) and the rows are parsed by {@link #parse}.
     */
    public RawBlock nextRaw(int maxRows) throws IOException {
        int[] bounds = new int[2 * maxRows];
        long[] lines = new long[maxRows];
        long firstRow = row + 1;
        int count = 0;
        int[] span = new int[2];
        cut = new byte[Math.max(lastCutLength + (lastCutLength >> 3), 1024)];
        cutLength = 0;
        cutFrom = position;
        while (count < maxRows && nextLine(span)) {
            int start = span[0];
            int end = span[1];
            if (isBlank(start, end)) {
                // not kept: however many blank lines there are, a block holds only its rows' bytes and a few more
                keepCut(start);
                cutFrom = position;
                continue;
            }
            if (atStart) {
                atStart = false;
                if (isHeader(start, end)) {
                    checkHeader(start, end);
                    continue;
                }
            }
            row++;
            bounds[2 * count] = cutLength + start - cutFrom;
            bounds[2 * count + 1] = cutLength + end - cutFrom;
            lines[count] = line;
            count++;
        }
        keepCut(position);
        byte[] bytes = cut;
        lastCutLength = cutLength;
        cut = null;
        cutFrom = -1;
        return count == 0 ? null : new RawBlock(count, bytes, bounds, lines, firstRow, offset(), line, row);
    }

    /** Appends {@code data[cutFrom, until)} to the block being cut. */
    private void keepCut(int until) {
        int more = until - cutFrom;
        if (cutLength + more > cut.length) {
            cut = Arrays.copyOf(cut, Math.max(cut.length * 2, cutLength + more));
        }
        System.arraycopy(data, cutFrom, cut, cutLength, more);
        cutLength += more;
        cutFrom = until;
    }

    /**
     * Parses cut lines into a block; touches no state of the reader, so blocks can be parsed on
     * several threads while the reader cuts the next ones.
     */
    public RowBlock parse(RawBlock raw, boolean keepText, BadRowPolicy policy) {
        float[] features = new float[raw.count() * columns];
        long[] rows = new long[raw.count()];
        int[] textEnds = keepText ? new int[raw.count()] : null;
        byte[] text = keepText ? new byte[raw.bytes().length] : null;
        int[] bounds = raw.bounds();
        int textLength = 0;
        List<RejectedRow> rejected = List.of();
        int count = 0;
        int[] failedColumn = new int[1];
        byte[] bytes = raw.bytes();
        for (int i = 0; i < raw.count(); i++) {
            int start = bounds[2 * i];
            int end = bounds[2 * i + 1];
            String problem = NumericCsvRow.parse(bytes, start, end, columns, features, count * columns, failedColumn);
            if (problem != null) {
                if (policy == BadRowPolicy.FAIL) {
                    throw new BadRowException(fileName, raw.lines()[i], failedColumn[0], problem);
                }
                if (rejected.isEmpty()) {
                    rejected = new ArrayList<>();
                }
                rejected.add(new RejectedRow(raw.lines()[i], raw.firstRow() + i, failedColumn[0], problem,
                        new String(bytes, start, end - start, StandardCharsets.UTF_8)));
                continue;
            }
            rows[count] = raw.firstRow() + i;
            if (keepText) {
                System.arraycopy(bytes, start, text, textLength, end - start);
                textLength += end - start;
                textEnds[count] = textLength;
            }
            count++;
        }
        return new RowBlock(count, features, rows, text, textEnds, rejected);
    }

    private boolean isBlank(int start, int end) {
        for (int i = start; i < end; i++) {
            if (data[i] != ' ' && data[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** A header names every column: no cell of it is empty or looks like a number. */
    private boolean isHeader(int start, int end) {
        for (String cell : cells(start, end)) {
            if (cell.isEmpty() || cell.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return false;
            }
            String lower = cell.toLowerCase(Locale.ROOT).replaceFirst("^[+-]", "");
            if (lower.equals("nan") || lower.equals("inf") || lower.equals("infinity")) {
                return false;
            }
        }
        return true;
    }

    private void checkHeader(int start, int end) {
        List<String> header = cells(start, end).stream()
                .map(cell -> cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"") ? cell.substring(1, cell.length() - 1) : cell)
                .toList();
        if (header.size() != columns) {
            throw new BadRowException(fileName, line, 0, "the header names " + header.size() + " columns, the model takes " + columns);
        }
        if (featureNames.isEmpty()) {
            return;
        }
        for (int i = 0; i < columns; i++) {
            if (!header.get(i).equals(featureNames.get(i))) {
                throw new BadRowException(fileName, line, i + 1, "header column is '" + header.get(i) + "', the model expects '"
                        + featureNames.get(i) + "' (features in training order: " + featureNames + ")");
            }
        }
    }

    private List<String> cells(int start, int end) {
        return Arrays.stream(new String(data, start, end - start, StandardCharsets.UTF_8).split(",", -1)).map(String::strip).toList();
    }

    /**
     * Finds the next line; {@code bounds} gets its start and end in {@link #data} (without the line
     * end and, on the first line of the file, without a BOM).
     *
     * @return false at the end of the file
     */
    private boolean nextLine(int[] bounds) throws IOException {
        int newline = indexOfNewline(position);
        while (newline < 0 && !endOfFile) {
            fill();
            newline = indexOfNewline(position);
        }
        if (newline < 0 && position == limit) {
            return false;
        }
        int start = position;
        int end = newline < 0 ? limit : newline;
        position = newline < 0 ? limit : newline + 1;
        if (end > start && data[end - 1] == '\r') {
            end--;
        }
        if (bufferOffset + start == 0 && end - start >= 3 && (data[start] & 0xFF) == 0xEF && (data[start + 1] & 0xFF) == 0xBB
                && (data[start + 2] & 0xFF) == 0xBF) {
            start += 3;
        }
        line++;
        bounds[0] = start;
        bounds[1] = end;
        return true;
    }

    /** Index of the next {@code \n} in {@code data[from, limit)}, or -1. */
    private int indexOfNewline(int from) {
        int newline = ByteSearch.indexOf(data, from, limit, (byte) '\n');
        return newline < limit ? newline : -1;
    }

    /** Moves the unread bytes to the front (growing the buffer for a long line) and reads more. */
    private void fill() throws IOException {
        int unread = limit - position;
        if (position == 0 && limit == data.length) {
            if (data.length >= MAX_LINE_BYTES) {
                throw new BadRowException(fileName, line + 1, 0, "the line is longer than " + MAX_LINE_BYTES + " bytes");
            }
            data = Arrays.copyOf(data, data.length * 2);
        } else if (position > 0) {
            if (cutFrom >= 0) {
                keepCut(position);
                cutFrom = 0;
            }
            System.arraycopy(data, position, data, 0, unread);
            bufferOffset += position;
            position = 0;
            limit = unread;
        }
        ByteBuffer target = ByteBuffer.wrap(data, limit, data.length - limit);
        int read = channel.read(target);
        if (read < 0) {
            endOfFile = true;
        } else {
            limit += read;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
