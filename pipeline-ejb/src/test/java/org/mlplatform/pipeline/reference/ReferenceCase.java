package org.mlplatform.pipeline.reference;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.mlplatform.pipeline.PipelineModel;
import org.mlplatform.pipeline.dataset.ClassLabels;
import org.mlplatform.pipeline.dataset.Dataset;
import org.mlplatform.pipeline.preprocessing.FittedScaler;
import org.mlplatform.pipeline.preprocessing.ScalerKind;
import org.mlplatform.pipeline.training.ClassWeight;
import org.mlplatform.pipeline.training.FitReport;
import org.mlplatform.pipeline.training.LogisticRegressionModel;

/**
 * One {@code expected/<set>__<config>.json}: the estimator's C and class weight, and its exact optimum
 * ({@code reference_optimum_newton}) as a pipeline with scikit-learn's fitted scaler, so tests of the
 * exporter and the repository need no solver.
 *
 * @param name     {@code <set>__<config>}
 * @param set      the data set it was fitted on
 * @param optimum  the scaler and the optimum's coefficients, with the optimum's own fit report
 */
public record ReferenceCase(String name, String set, double c, ClassWeight classWeight, PipelineModel optimum) {

    public static List<ReferenceCase> all() {
        return ReferenceFiles.cases().stream().map(ReferenceCase::of).toList();
    }

    public static ReferenceCase of(String name) {
        JsonObject expected = ReferenceFiles.expected(name);
        JsonObject parameters = expected.getJsonObject("estimator_params");
        ClassWeight classWeight = parameters.isNull("class_weight") ? ClassWeight.NONE : ClassWeight.BALANCED;
        JsonObject optimum = expected.getJsonObject("reference_optimum_newton");
        double[][] coefficients = ReferenceFiles.matrix(optimum.getJsonArray("coef"));
        FitReport report = new FitReport("newton-cholesky", optimum.getInt("iterations"),
                optimum.getJsonNumber("objective_value").doubleValue(),
                optimum.getJsonNumber("grad_max_abs").doubleValue(),
                optimum.getJsonNumber("seconds").doubleValue(), true);
        List<String> classes = expected.getJsonArray("classes_").stream().map(JsonValue::toString).toList();
        LogisticRegressionModel classifier = new LogisticRegressionModel(new ClassLabels(classes, true), coefficients,
                ReferenceFiles.doubles(optimum.getJsonArray("intercept")), report);
        return new ReferenceCase(name, ReferenceFiles.setOf(name), parameters.getJsonNumber("C").doubleValue(),
                classWeight, new PipelineModel(scaler(expected, coefficients[0].length), classifier));
    }

    /** The optimum's logistic regression, without the scaler. */
    public LogisticRegressionModel optimumClassifier() {
        return (LogisticRegressionModel) optimum.classifier();
    }

    /** The optimum's coefficients with other class labels, e.g. strings. */
    public PipelineModel optimum(ClassLabels labels) {
        LogisticRegressionModel classifier = optimumClassifier();
        return new PipelineModel(optimum.scaler(), new LogisticRegressionModel(labels, classifier.coefficients(),
                classifier.intercepts(), classifier.report()));
    }

    /** The training set after the case's scaler: what the solver sees. */
    public Dataset scaledTraining() {
        Dataset training = ReferenceFiles.training(set);
        return training.withFeatures(optimum.scaler().transform(training.features()));
    }

    /** The raw test features. */
    public double[][] testRows() {
        return ReferenceFiles.testRows(set);
    }

    @Override
    public String toString() {
        return name;
    }

    private static FittedScaler scaler(JsonObject expected, int features) {
        JsonValue scaler = expected.get("scaler");
        if (scaler == null || scaler.getValueType() == JsonValue.ValueType.NULL) {
            return FittedScaler.identity(features);
        }
        JsonObject fitted = scaler.asJsonObject();
        return switch (fitted.getString("type")) {
            case "RobustScaler" -> new FittedScaler(ScalerKind.ROBUST,
                    ReferenceFiles.doubles(fitted.getJsonArray("center_")), ReferenceFiles.doubles(fitted.getJsonArray("scale_")));
            case "StandardScaler" -> new FittedScaler(ScalerKind.STANDARD,
                    ReferenceFiles.doubles(fitted.getJsonArray("mean_")), ReferenceFiles.doubles(fitted.getJsonArray("scale_")));
            default -> throw new IllegalArgumentException("unknown scaler " + fitted.getString("type"));
        };
    }
}
