package org.mlplatform.inference.scorings.control;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.io.NumberOutput;

import org.mlplatform.inference.models.entity.Predictions;
import org.mlplatform.inference.predictions.control.FloatText;
import org.mlplatform.inference.scorings.entity.RejectedRow;
import org.mlplatform.inference.scorings.entity.RowBlock;

/**
 * The output CSV: {@code row,[input columns,]label,p_<class>...}, one line per accepted input row in
 * input order; probabilities printed as the REST API prints them ({@link FloatText}), so the
 * two give the same text for the same row. And the rejected-rows CSV: {@code line,row,column,reason,text}.
 */
public class ScoredRowsFormatter {

    /** {@code Long.MIN_VALUE}'s sign and 19 digits. */
    private static final int MAX_LONG_CHARS = 20;

    private final boolean includeInput;
    private byte[] buffer = new byte[1 << 16];
    private int length;

    public ScoredRowsFormatter(boolean includeInput) {
        this.includeInput = includeInput;
    }

    public static String header(List<String> classes, boolean includeInput, List<String> featureNames, int featureCount) {
        StringBuilder header = new StringBuilder("row");
        if (includeInput) {
            for (int i = 0; i < featureCount; i++) {
                header.append(',').append(featureNames.isEmpty() ? "x" + (i + 1) : quote(featureNames.get(i)));
            }
        }
        header.append(",label");
        for (String label : classes) {
            header.append(",p_").append(quote(label));
        }
        return header.append('\n').toString();
    }

    public static String rejectedHeader() {
        return "line,row,column,reason,text\n";
    }

    /** Formats the block's accepted rows; the bytes are {@link #bytes()} up to {@link #length()}. */
    public void format(RowBlock block, Predictions predictions) {
        length = 0;
        int classes = predictions == null ? 0 : predictions.classCount();
        float[] probabilities = predictions == null ? null : predictions.probabilities();
        for (int r = 0; r < block.count(); r++) {
            appendNumber(block.rows()[r]);
            if (includeInput) {
                append((byte) ',');
                int start = block.textStart(r);
                append(block.text(), start, block.textEnds()[r] - start);
            }
            append((byte) ',');
            if (predictions.hasStringLabels()) {
                appendText(quote(predictions.stringLabels()[r]));
            } else {
                appendNumber(predictions.intLabels()[r]);
            }
            for (int k = 0; k < classes; k++) {
                append((byte) ',');
                appendAscii(FloatText.of(probabilities[r * classes + k]));
            }
            append((byte) '\n');
        }
    }

    public void formatRejected(List<RejectedRow> rejected) {
        length = 0;
        for (RejectedRow row : rejected) {
            appendText(row.line() + "," + row.row() + "," + row.column() + "," + quote(row.reason()) + "," + quote(row.text()) + "\n");
        }
    }

    public byte[] bytes() {
        return buffer;
    }

    public int length() {
        return length;
    }

    /** CSV quoting where needed (a comma, quote or line break inside). */
    static String quote(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** The decimal digits of a row number or integer label, written straight into the buffer. */
    private void appendNumber(long value) {
        ensure(MAX_LONG_CHARS);
        length = NumberOutput.outputLong(value, buffer, length);
    }

    private void appendAscii(String text) {
        int count = text.length();
        ensure(count);
        for (int i = 0; i < count; i++) {
            buffer[length++] = (byte) text.charAt(i);
        }
    }

    private void appendText(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        append(bytes, 0, bytes.length);
    }

    private void append(byte[] bytes, int from, int count) {
        ensure(count);
        System.arraycopy(bytes, from, buffer, length, count);
        length += count;
    }

    private void append(byte value) {
        ensure(1);
        buffer[length++] = value;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
