package org.mlplatform.inference.explanations.entity;

import java.util.List;

/**
 * One row explained: each logit of the model (one for a binary model, one per class otherwise) and the
 * class probabilities those float64 logits give (sigmoid or softmax), in {@code classes} order.
 */
public record RowExplanation(List<LogitExplanation> logits, double[] probabilities) {

    public RowExplanation {
        logits = List.copyOf(logits);
    }

    /** The most probable class (the first on ties), an index into {@code classes}. */
    public int predictedClass() {
        int best = 0;
        for (int k = 1; k < probabilities.length; k++) {
            if (probabilities[k] > probabilities[best]) {
                best = k;
            }
        }
        return best;
    }
}
