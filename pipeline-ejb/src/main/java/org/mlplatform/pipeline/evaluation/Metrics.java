package org.mlplatform.pipeline.evaluation;

/**
 * Classification metrics of predicted probabilities, computed as scikit-learn 1.2 does.
 *
 * @param rows            rows scored
 * @param accuracy        share of rows whose most probable class (the first on ties) is the true one
 * @param logLoss         mean negative log-probability of the true class, probabilities clipped to
 *                        {@code [1e-15, 1 - 1e-15]} and each row renormalised
 * @param rocAuc          ROC-AUC of the second class's probability (binary), or the unweighted mean of
 *                        one-vs-rest ROC-AUCs (multiclass); null when a class has no rows here
 * @param confusionMatrix {@code [true class][predicted class]} row counts
 */
public record Metrics(int rows, double accuracy, double logLoss, Double rocAuc, int[][] confusionMatrix) {

    private static final double CLIP = 1e-15;

    /**
     * @param labels        the true class index of each row
     * @param probabilities one row per label, one column per class in class order
     */
    public static Metrics of(int[] labels, double[][] probabilities) {
        if (labels.length == 0 || labels.length != probabilities.length) {
            throw new IllegalArgumentException(labels.length + " labels for " + probabilities.length
                    + " probability rows; need the same positive number");
        }
        int classes = probabilities[0].length;
        int[][] confusion = new int[classes][classes];
        int[] counts = new int[classes];
        int correct = 0;
        double logLossSum = 0;
        for (int i = 0; i < labels.length; i++) {
            double[] p = probabilities[i];
            int label = labels[i];
            if (p.length != classes || label < 0 || label >= classes) {
                throw new IllegalArgumentException("row " + i + ": label " + label + " with " + p.length
                        + " probabilities, expected a class index below " + classes);
            }
            int predicted = argmax(p);
            confusion[label][predicted]++;
            counts[label]++;
            if (predicted == label) {
                correct++;
            }
            logLossSum -= Math.log(clippedShare(p, label));
        }
        return new Metrics(labels.length, (double) correct / labels.length, logLossSum / labels.length,
                rocAuc(labels, probabilities, counts), confusion);
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }

    /** The clipped probability of class k over the clipped row sum, as scikit-learn's log_loss. */
    private static double clippedShare(double[] p, int k) {
        double sum = 0;
        for (double value : p) {
            sum += clip(value);
        }
        return clip(p[k]) / sum;
    }

    private static double clip(double p) {
        return Math.min(Math.max(p, CLIP), 1 - CLIP);
    }

    private static Double rocAuc(int[] labels, double[][] probabilities, int[] counts) {
        for (int count : counts) {
            if (count == 0) {
                return null;
            }
        }
        if (counts.length == 2) {
            return RocAuc.oneVersusRest(labels, probabilities, 1);
        }
        double sum = 0;
        for (int k = 0; k < counts.length; k++) {
            sum += RocAuc.oneVersusRest(labels, probabilities, k);
        }
        return sum / counts.length;
    }
}
