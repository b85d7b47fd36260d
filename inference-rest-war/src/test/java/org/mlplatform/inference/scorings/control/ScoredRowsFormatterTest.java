package org.mlplatform.inference.scorings.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlplatform.inference.models.entity.Predictions;
import org.mlplatform.inference.scorings.entity.RowBlock;

class ScoredRowsFormatterTest {

    private static String text(ScoredRowsFormatter formatter) {
        return new String(formatter.bytes(), 0, formatter.length(), StandardCharsets.UTF_8);
    }

    @Test
    void rowNumbersLabelsAndProbabilitiesArePrintedAsTheRestApiPrintsThem() {
        long[] rows = {1, 9, 10, 99, 1_000, 123_456_789_012L};
        float[] probabilities = {0.5f, 0.5f, 1f, 0f, 0.1f, 0.9f, 7.4505806E-9f, 0.99999994f, 1.0E-7f, 0.9999999f, 0.33333334f, 0.6666667f};
        Predictions predictions = new Predictions(6, new long[] {0, 1, -1, 10, 0, 7}, null, probabilities, 2);
        ScoredRowsFormatter formatter = new ScoredRowsFormatter(false);
        formatter.format(new RowBlock(6, new float[12], rows, null, null, List.of()), predictions);
        StringBuilder expected = new StringBuilder();
        long[] labels = predictions.intLabels();
        for (int r = 0; r < 6; r++) {
            expected.append(rows[r]).append(',').append(labels[r]).append(',').append(Float.toString(probabilities[2 * r]))
                    .append(',').append(Float.toString(probabilities[2 * r + 1])).append('\n');
        }
        assertEquals(expected.toString(), text(formatter));
    }

    @Test
    void theInputAndStringLabelsAreRepeatedQuotedWhereNeeded() {
        byte[] input = "1.5,2-3,4e2".getBytes(StandardCharsets.UTF_8);
        Predictions predictions = new Predictions(2, null, new String[] {"yes, surely", "no"}, new float[] {0.25f, 0.75f}, 1);
        ScoredRowsFormatter formatter = new ScoredRowsFormatter(true);
        formatter.format(new RowBlock(2, new float[4], new long[] {41, 42}, input, new int[] {5, 11}, List.of()), predictions);
        assertEquals("41,1.5,2,\"yes, surely\",0.25\n42,-3,4e2,no,0.75\n", text(formatter));
    }
}
