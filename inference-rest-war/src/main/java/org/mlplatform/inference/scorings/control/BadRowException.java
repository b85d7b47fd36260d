package org.mlplatform.inference.scorings.control;

/** An input row (or the header) the job cannot read; the message names file, line and column. */
public class BadRowException extends RuntimeException {

    private final long line;
    private final int column;
    private final String reason;

    public BadRowException(String file, long line, int column, String reason) {
        super(file + " line " + line + (column > 0 ? ", column " + column : "") + ": " + reason);
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    public long line() {
        return line;
    }

    /** 1-based, or 0 when the line as a whole is at fault. */
    public int column() {
        return column;
    }

    public String reason() {
        return reason;
    }
}
