package org.mlplatform.pipeline.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.mlplatform.pipeline.PipelineModel;
import org.mlplatform.pipeline.TrainingData;
import org.mlplatform.pipeline.TrainingDataSummary;
import org.mlplatform.pipeline.TrainingParameters;
import org.mlplatform.pipeline.TrainingPipeline;
import org.mlplatform.pipeline.dataset.CsvSource;
import org.mlplatform.pipeline.dataset.Dataset;
import org.mlplatform.pipeline.evaluation.CrossValidationResult;
import org.mlplatform.pipeline.evaluation.Fold;
import org.mlplatform.pipeline.evaluation.Metrics;
import org.mlplatform.pipeline.evaluation.ScoredRows;
import org.mlplatform.repository.ModelMetadata.RocCurves;
import org.mlplatform.repository.ModelRepository;
import org.mlplatform.repository.PublishedVersion;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The builder's door into the training pipeline: each method runs one step of
 * {@link TrainingPipeline} for the given parameters and nothing else, so the command-line trainer
 * and this bean run the same code. What the container adds: calls arrive on a pooled instance from
 * any thread (batch partitions run folds in parallel), they show in the server's EJB statistics,
 * and they run outside any transaction: a fit can outlast the transaction timeout, and the files
 * of the model repository are not a transactional resource. What a user must fix
 * ({@code InvalidDataException}, {@code SolverBreakdownException}) is an application exception and
 * reaches the caller unchanged; anything else unchecked is a server failure, which the container
 * logs and wraps in an {@code EJBException}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TrainingService {

    /**
     * Reads and validates the files, naming them as {@code names} says.
     *
     * @see TrainingPipeline#load(CsvSource, CsvSource, Function)
     */
    public TrainingData load(TrainingParameters parameters, CsvSource train, CsvSource test,
                             Function<Path, String> names) throws IOException {
        return new TrainingPipeline(parameters).load(train, test, names);
    }

    /** @see TrainingPipeline#folds(Dataset) */
    public List<Fold> folds(TrainingParameters parameters, Dataset train) {
        return new TrainingPipeline(parameters).folds(train);
    }

    /** @see TrainingPipeline#crossValidate(Dataset, Fold) */
    public ScoredRows crossValidate(TrainingParameters parameters, Dataset train, Fold fold) {
        return new TrainingPipeline(parameters).crossValidate(train, fold);
    }

    /** @see TrainingPipeline#fit(Dataset) */
    public PipelineModel fit(TrainingParameters parameters, Dataset train) {
        return new TrainingPipeline(parameters).fit(train);
    }

    /** @see TrainingPipeline#evaluate(PipelineModel, Dataset) */
    public ScoredRows evaluate(TrainingParameters parameters, PipelineModel model, Dataset data) {
        return new TrainingPipeline(parameters).evaluate(model, data);
    }

    /** @see TrainingPipeline#publish(ModelRepository, String, PipelineModel, TrainingDataSummary, CrossValidationResult, Metrics, RocCurves) */
    public PublishedVersion publish(TrainingParameters parameters, ModelRepository repository, String model,
                                    PipelineModel fitted, TrainingDataSummary data, CrossValidationResult cv,
                                    Metrics test, RocCurves roc)
            throws IOException {
        return new TrainingPipeline(parameters).publish(repository, model, fitted, data, cv, test, roc);
    }
}
