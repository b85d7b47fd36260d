package org.mlplatform.pipeline.evaluation;

import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/** The validation metrics of each fold, in fold order, and their unweighted means. */
public record CrossValidationResult(List<Metrics> folds) {

    public CrossValidationResult {
        if (folds.isEmpty()) {
            throw new IllegalArgumentException("no folds");
        }
        folds = List.copyOf(folds);
    }

    public double meanAccuracy() {
        return mean(Metrics::accuracy);
    }

    public double meanLogLoss() {
        return mean(Metrics::logLoss);
    }

    /** Null when a fold has no ROC-AUC (a class missing from its validation rows). */
    public Double meanRocAuc() {
        if (folds.stream().map(Metrics::rocAuc).anyMatch(Objects::isNull)) {
            return null;
        }
        return mean(Metrics::rocAuc);
    }

    private double mean(ToDoubleFunction<Metrics> metric) {
        double sum = 0;
        for (Metrics fold : folds) {
            sum += metric.applyAsDouble(fold);
        }
        return sum / folds.size();
    }
}
