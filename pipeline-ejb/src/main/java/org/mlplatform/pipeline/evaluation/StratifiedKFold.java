package org.mlplatform.pipeline.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.mlplatform.pipeline.dataset.Dataset;
import org.mlplatform.pipeline.dataset.InvalidDataException;

/**
 * Stratified k-fold splits with a seeded shuffle, allocated as scikit-learn's
 * {@code StratifiedKFold(shuffle=True)} does: the rows of each class, shuffled, are dealt to the folds
 * in turn, continuing from class to class, so every fold holds each class's share to within one row
 * and fold sizes differ by at most one. Folds are independent of each other and may be trained in
 * parallel.
 */
public final class StratifiedKFold {

    private final int folds;
    private final long seed;

    public StratifiedKFold(int folds, long seed) {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + folds);
        }
        this.folds = folds;
        this.seed = seed;
    }

    /**
     * @throws InvalidDataException when a class has fewer rows than there are folds, since a
     *                              validation fold would then miss it
     */
    public List<Fold> split(Dataset data) {
        int[] counts = data.classCounts();
        int smallest = 0;
        for (int k = 1; k < counts.length; k++) {
            if (counts[k] < counts[smallest]) {
                smallest = k;
            }
        }
        if (folds > counts[smallest]) {
            throw new InvalidDataException("cvFolds=" + folds + " exceeds the " + counts[smallest]
                    + " rows of class '" + data.classes().get(smallest) + "'");
        }
        int[][] rowsByClass = new int[counts.length][];
        for (int k = 0; k < counts.length; k++) {
            rowsByClass[k] = new int[counts[k]];
        }
        int[] filled = new int[counts.length];
        for (int row = 0; row < data.rows(); row++) {
            int k = data.labels()[row];
            rowsByClass[k][filled[k]++] = row;
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] foldOfRow = new int[data.rows()];
        int position = 0;
        for (int[] rows : rowsByClass) {
            shuffle(rows, random);
            for (int row : rows) {
                foldOfRow[row] = position++ % folds;
            }
        }
        List<Fold> result = new ArrayList<>(folds);
        for (int f = 0; f < folds; f++) {
            int fold = f;
            int[] validation = IntStream.range(0, data.rows()).filter(row -> foldOfRow[row] == fold).toArray();
            int[] training = IntStream.range(0, data.rows()).filter(row -> foldOfRow[row] != fold).toArray();
            result.add(new Fold(fold, training, validation));
        }
        return List.copyOf(result);
    }

    private static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
