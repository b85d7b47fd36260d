package org.mlplatform.inference.scorings.entity;

/**
 * An input row the job left out under {@link BadRowPolicy#SKIP}.
 *
 * @param line   1-based line of the input file
 * @param row    1-based data row (the header and blank lines are not rows)
 * @param column 1-based column at fault, or 0 when the row as a whole is (e.g. a wrong value count)
 * @param text   the line as read, without its line end
 */
public record RejectedRow(long line, long row, int column, String reason, String text) {
}
