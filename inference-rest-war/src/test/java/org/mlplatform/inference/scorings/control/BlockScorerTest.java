package org.mlplatform.inference.scorings.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlplatform.inference.models.control.InferenceSession;
import org.mlplatform.inference.models.control.OnnxSessionFactory;
import org.mlplatform.inference.models.control.TensorBuffers;
import org.mlplatform.inference.models.entity.Predictions;
import org.mlplatform.inference.testing.ReferenceCase;

class BlockScorerTest {

    @Test
    void resultsDoNotDependOnHowTheRowsAreCutIntoBlocks() throws Exception {
        ReferenceCase reference = ReferenceCase.load("seed", "robust_balanced_C1");
        List<String> lines = Files.readAllLines(reference.testDataFile());
        int rows = lines.size();
        float[] features = new float[rows * 10];
        for (int i = 0; i < rows; i++) {
            String[] cells = lines.get(i).split(",");
            for (int j = 0; j < 10; j++) {
                features[i * 10 + j] = Float.parseFloat(cells[j].strip());
            }
        }
        try (InferenceSession session = new OnnxSessionFactory().open(reference.onnx())) {
            Predictions whole = session.run(features, rows);
            // the job's blocks reuse native tensor memory; the benchmark's and the tests' allocate their own
            for (TensorBuffers buffers : new TensorBuffers[] {null, new TensorBuffers()}) {
                for (int blockRows : new int[] {1, 2, 3, 7}) {
                    for (int start = 0; start < rows; start += blockRows) {
                        int count = Math.min(blockRows, rows - start);
                        Predictions block = BlockScorer.score(session, Arrays.copyOfRange(features, start * 10, (start + count) * 10), count,
                                buffers);
                        assertEquals(count, block.rows());
                        assertArrayEquals(Arrays.copyOfRange(whole.probabilities(), start * 2, (start + count) * 2), block.probabilities(),
                                "blocks of " + blockRows + " rows, block at row " + (start + 1) + (buffers == null ? "" : ", reused buffers"));
                        assertArrayEquals(Arrays.copyOfRange(whole.intLabels(), start, start + count), block.intLabels());
                    }
                }
            }
        }
    }
}
