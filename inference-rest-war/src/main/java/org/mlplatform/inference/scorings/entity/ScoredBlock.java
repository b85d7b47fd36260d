package org.mlplatform.inference.scorings.entity;

import java.util.List;

/**
 * A block of rows scored and formatted: the output lines of its {@code rows} accepted rows, in
 * {@code text[0, length)}, and the rows rejected among them.
 */
public record ScoredBlock(int rows, byte[] text, int length, List<RejectedRow> rejected) {
}
