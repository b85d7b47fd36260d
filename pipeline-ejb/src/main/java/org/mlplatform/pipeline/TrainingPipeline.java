package org.mlplatform.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mlplatform.pipeline.dataset.CsvDatasetReader;
import org.mlplatform.pipeline.dataset.CsvSource;
import org.mlplatform.pipeline.dataset.Dataset;
import org.mlplatform.pipeline.dataset.InvalidDataException;
import org.mlplatform.pipeline.evaluation.CrossValidationResult;
import org.mlplatform.pipeline.evaluation.Fold;
import org.mlplatform.pipeline.evaluation.Metrics;
import org.mlplatform.pipeline.evaluation.RocPoints;
import org.mlplatform.pipeline.evaluation.ScoredRows;
import org.mlplatform.pipeline.evaluation.StratifiedKFold;
import org.mlplatform.pipeline.onnx.ModelProvenance;
import org.mlplatform.pipeline.onnx.OnnxExporter;
import org.mlplatform.pipeline.preprocessing.FittedScaler;
import org.mlplatform.pipeline.preprocessing.Resampling;
import org.mlplatform.pipeline.preprocessing.Scalers;
import org.mlplatform.pipeline.preprocessing.Smote;
import org.mlplatform.pipeline.registry.PipelineMetadata;
import org.mlplatform.pipeline.training.ClassifierTrainer;
import org.mlplatform.repository.ContentDigest;
import org.mlplatform.repository.ModelArtifacts;
import org.mlplatform.repository.ModelMetadata.DatasetSummary;
import org.mlplatform.repository.ModelMetadata.RocCurves;
import org.mlplatform.repository.ModelMetadata;
import org.mlplatform.repository.ModelRepository;
import org.mlplatform.repository.PublishedVersion;

/**
 * The steps of one training run: load and validate, cross-validate fold by fold, fit on all rows,
 * evaluate on the test set, publish. Each step is a separate method so the batch job can run folds
 * in parallel partitions and restart after a failure; {@link #run} chains them for the command line.
 */
public final class TrainingPipeline {

    static final int SMOTE_NEIGHBOURS = 5;

    private final TrainingParameters parameters;

    public TrainingPipeline(TrainingParameters parameters) {
        this.parameters = parameters;
    }

    public TrainingParameters parameters() {
        return parameters;
    }

    /** Reads and validates the files; also checks that every class has enough rows for the folds. */
    public TrainingData load(CsvSource train, CsvSource test) throws IOException {
        return load(train, test, new CsvDatasetReader());
    }

    /**
     * As {@link #load(CsvSource, CsvSource)}, with messages that name each file as {@code names} says.
     * An {@link InvalidDataException} says which data set ({@link InvalidDataException#dataSet()}) and
     * which of its inputs ({@link InvalidDataException#part()}) is at fault.
     */
    public TrainingData load(CsvSource train, CsvSource test, Function<Path, String> names) throws IOException {
        return load(train, test, new CsvDatasetReader(names));
    }

    private TrainingData load(CsvSource train, CsvSource test, CsvDatasetReader reader) throws IOException {
        Map<Path, String> fingerprints = new LinkedHashMap<>();
        Dataset trainSet;
        try {
            trainSet = reader.read(train);
        } catch (InvalidDataException e) {
            throw e.in(InvalidDataException.DataSet.TRAIN);
        }
        fingerprint(train, fingerprints);
        Dataset testSet = null;
        if (test != null) {
            try {
                testSet = reader.read(test, trainSet.classes(), trainSet.columns());
            } catch (InvalidDataException e) {
                throw e.in(InvalidDataException.DataSet.TEST);
            }
            fingerprint(test, fingerprints);
        }
        try {
            folds(trainSet);
        } catch (InvalidDataException e) {
            throw e.in(InvalidDataException.Part.FOLDS).in(InvalidDataException.DataSet.TRAIN);
        }
        return new TrainingData(trainSet, testSet, fingerprints);
    }

    /** The stratified folds of the training rows; none when cross-validation is off. */
    public List<Fold> folds(Dataset train) {
        return parameters.pipeline().cvFolds() == 0 ? List.of()
                : new StratifiedKFold(parameters.pipeline().cvFolds(), parameters.pipeline().seed()).split(train);
    }

    /**
     * Fits on the fold's training rows only (scaler and SMOTE included) and scores its validation rows:
     * their metrics are the fold's, and pooled over the folds they are every training row scored once
     * by a model that did not see it ({@link RocPoints#ofCrossValidation}).
     */
    public ScoredRows crossValidate(Dataset train, Fold fold) {
        // The fold's training rows are a copy of its own, scaled in place: folds in parallel each hold their rows once
        PipelineModel model = fit(train.select(fold.trainRows()), true);
        return evaluate(model, train.select(fold.validationRows()));
    }

    public PipelineModel fit(Dataset train) {
        return fit(train, false);
    }

    private PipelineModel fit(Dataset train, boolean scaleInPlace) {
        FittedScaler scaler = Scalers.fit(parameters.pipeline().scaler(), train);
        Dataset scaled = train.withFeatures(scaleInPlace ? scaler.transformInPlace(train.features())
                : scaler.transform(train.features()));
        if (parameters.pipeline().resample() == Resampling.SMOTE) {
            scaled = new Smote(SMOTE_NEIGHBOURS, parameters.pipeline().seed()).resample(scaled);
        }
        return new PipelineModel(scaler, trainer().fit(scaled));
    }

    /** The one place that chooses the algorithm: everything else sees a {@link ClassifierTrainer}. */
    ClassifierTrainer trainer() {
        return parameters.algorithm().trainer();
    }

    /** Scores every row of {@code data} with the fitted pipeline. */
    public ScoredRows evaluate(PipelineModel model, Dataset data) {
        double[] scaled = model.scaler().transform(data.features());
        double[][] probabilities = new double[data.rows()][];
        for (int i = 0; i < data.rows(); i++) {
            probabilities[i] = model.classifier().predictProba(scaled, i * data.columns());
        }
        return new ScoredRows(data.labels(), probabilities);
    }

    /** Runs every step in this thread, folds one after the other. */
    public TrainingRun run(TrainingRequest request, ModelRepository repository) throws IOException {
        if (!request.parameters().equals(parameters)) {
            throw new IllegalArgumentException("the request's parameters " + request.parameters()
                    + " are not this pipeline's " + parameters);
        }
        TrainingData data = load(request.train(), request.test());
        List<Metrics> foldMetrics = new ArrayList<>();
        List<ScoredRows> heldOut = new ArrayList<>();
        for (Fold fold : folds(data.train())) {
            ScoredRows validation = crossValidate(data.train(), fold);
            foldMetrics.add(validation.metrics());
            if (data.test() == null) {
                heldOut.add(validation);
            }
        }
        CrossValidationResult cv = foldMetrics.isEmpty() ? null : new CrossValidationResult(foldMetrics);
        PipelineModel model = fit(data.train());
        ScoredRows testRows = data.test() == null ? null : evaluate(model, data.test());
        Metrics test = testRows == null ? null : testRows.metrics();
        RocCurves roc = testRows != null ? RocPoints.ofTestSet(testRows)
                : heldOut.isEmpty() ? null : RocPoints.ofCrossValidation(heldOut);
        PublishedVersion published = publish(repository, request.model(), model, data.summary(), cv, test, roc);
        return new TrainingRun(model, cv, test, published);
    }

    /**
     * Publishes the fitted pipeline as the next version: its ONNX graph and metadata.json, written
     * atomically by the repository.
     *
     * @param data the training data as it was validated ({@link TrainingData#summary()}): the files'
     *             digests recorded then, not the files as they are now
     * @param roc  the ROC curves of the test set when there is one, else of the pooled cross-validation
     *             folds ({@link RocPoints}); null when nothing was evaluated
     */
    public PublishedVersion publish(ModelRepository repository, String model, PipelineModel fitted,
                                    TrainingDataSummary data, CrossValidationResult cv, Metrics test, RocCurves roc)
            throws IOException {
        DatasetSummary dataset = data.dataset();
        String fingerprint = TrainingFingerprint.of(dataset.files(), parameters);
        ModelMetadata.Metrics metrics = PipelineMetadata.metrics(cv, test);
        return repository.publish(model, version -> {
            ModelProvenance provenance = new ModelProvenance(model, version, fingerprint, data.featureNames());
            byte[] onnx = new OnnxExporter().export(fitted, provenance);
            return new ModelArtifacts(onnx, PipelineMetadata.describe(fitted, trainer().parameters(), provenance,
                    onnx, PipelineMetadata.params(parameters), dataset, metrics, data.features(), roc, Instant.now()));
        });
    }

    private static void fingerprint(CsvSource source, Map<Path, String> fingerprints) throws IOException {
        for (Path file : new Path[] {source.features(), source.labels()}) {
            if (file != null) {
                fingerprints.put(file, ContentDigest.sha256(file));
            }
        }
    }
}
