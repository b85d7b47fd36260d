package org.mlplatform.builder.trainings.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.bind.JsonbBuilder;
import org.mlplatform.pipeline.TrainingParameters;
import org.mlplatform.pipeline.TrainingRequest;
import org.mlplatform.pipeline.boundary.TrainingService;
import org.mlplatform.pipeline.dataset.Dataset;
import org.mlplatform.pipeline.evaluation.Metrics;
import org.mlplatform.pipeline.evaluation.ScoredRows;
import org.mlplatform.pipeline.training.SolverBreakdownException;

/**
 * One partition of step {@code cross-validate}: trains on the other folds, scores fold {@code fold}.
 * The metrics, and without a test set the scored rows for the ROC curves, go to
 * {@link FoldMetricsCollector} through the partition's transient user data.
 */
@Named
@Dependent
public class CrossValidationFoldBatchlet extends AbstractBatchlet {

    @Inject
    JobRun run;

    @Inject
    StepContext stepContext;

    @Inject
    SharedTrainingSets trainingSets;

    @Inject
    TrainingService training;

    @Inject
    @BatchProperty
    String fold;

    @Override
    public String process() throws Exception {
        TrainingRequest request = run.request();
        TrainingParameters parameters = request.parameters();
        Dataset train = trainingSets.get(run.context().getExecutionId(), () -> {
            run.validatedDataUnchanged();
            return run.workFolder().trainingSet();
        });
        int index = Integer.parseInt(fold);
        ScoredRows validation;
        try {
            validation = training.crossValidate(parameters, train, training.folds(parameters, train).get(index));
        } catch (SolverBreakdownException e) {
            throw new SolverBreakdownException("fold " + index + ": " + e.getMessage());
        }
        Metrics metrics = validation.metrics();
        ScoredRows heldOut = run.workFolder().validatedData().test() ? null : validation;
        try (var jsonb = JsonbBuilder.create()) {
            stepContext.setTransientUserData(jsonb.toJson(new FoldMetrics(index, metrics, heldOut)));
        }
        return "fold " + index + ": accuracy " + metrics.accuracy();
    }
}
