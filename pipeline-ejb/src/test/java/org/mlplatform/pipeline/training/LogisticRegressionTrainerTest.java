package org.mlplatform.pipeline.training;

import org.mlplatform.pipeline.reference.ReferenceCase;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.mlplatform.pipeline.dataset.ClassLabels;
import org.mlplatform.pipeline.dataset.Dataset;

class LogisticRegressionTrainerTest {

    private static final double TOL = 1e-8;
    private static final int MAX_ITER = 100;

    static List<ReferenceCase> referenceCases() {
        return ReferenceCase.all();
    }

    @Test
    void referenceHasAllTwelveCases() {
        assertEquals(12, referenceCases().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceCases")
    void newtonReachesTheReferenceOptimum(ReferenceCase reference) {
        LogisticRegressionModel model = new LogisticRegressionTrainer(reference.c(), reference.classWeight(), TOL, MAX_ITER)
                .fit(reference.scaledTraining());

        assertEquals(NewtonCholeskySolver.NAME, model.report().solver());
        assertTrue(model.report().converged());
        assertTrue(model.report().gradientMaxNorm() <= TOL);
        assertAtOptimum(reference, model);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceCases")
    void lbfgsReachesTheSameOptimum(ReferenceCase reference) {
        // the raw breast_cancer sets take L-BFGS thousands of iterations, more than the default maxIter
        LogisticRegressionModel model = new LogisticRegressionTrainer(reference.c(), reference.classWeight(), TOL,
                100_000, 0).fit(reference.scaledTraining());

        assertEquals(LbfgsSolver.NAME, model.report().solver());
        assertTrue(model.report().converged());
        assertTrue(model.report().gradientMaxNorm() <= TOL);
        assertAtOptimum(reference, model);
    }

    @Test
    void lbfgsCutShortByMaxIterReportsWhetherItReachedTol() {
        Dataset data = syntheticBinary(300, 6, 5);
        // the same path aimed at a gradient of TOL: the first iteration at or below it
        int reachingTol = new LogisticRegressionTrainer(1.0, ClassWeight.NONE, TOL / LbfgsSolver.POLISH, MAX_ITER, 0)
                .fit(data).report().iterations();

        LogisticRegressionModel polishing = new LogisticRegressionTrainer(1.0, ClassWeight.NONE, TOL, reachingTol, 0)
                .fit(data);
        LogisticRegressionModel shortOfTol = new LogisticRegressionTrainer(1.0, ClassWeight.NONE, TOL, reachingTol - 1, 0)
                .fit(data);

        assertTrue(polishing.report().converged());
        assertTrue(polishing.report().gradientMaxNorm() <= TOL);
        assertFalse(shortOfTol.report().converged());
        assertTrue(shortOfTol.report().gradientMaxNorm() > TOL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceCases")
    void sameInputGivesIdenticalBits(ReferenceCase reference) {
        for (int denseHessianLimit : new int[] {LogisticRegressionTrainer.DEFAULT_DENSE_HESSIAN_LIMIT, 0}) {
            LogisticRegressionTrainer trainer = new LogisticRegressionTrainer(reference.c(), reference.classWeight(),
                    TOL, 100_000, denseHessianLimit);
            Dataset training = reference.scaledTraining();
            LogisticRegressionModel first = trainer.fit(training);
            LogisticRegressionModel second = trainer.fit(training);

            for (int k = 0; k < first.coefficients().length; k++) {
                assertArrayEquals(first.coefficients()[k], second.coefficients()[k], 0.0);
            }
            assertArrayEquals(first.intercepts(), second.intercepts(), 0.0);
            assertEquals(first.report().objective(), second.report().objective(), 0.0);
            assertEquals(first.report().iterations(), second.report().iterations());
        }
    }

    @Test
    void sampleWeightOfTwoEqualsADuplicatedRow() {
        Dataset data = syntheticBinary(300, 6, 11);
        int[] duplicated = new int[data.rows() + data.rows() / 3];
        double[] weights = new double[data.rows()];
        int next = 0;
        for (int i = 0; i < data.rows(); i++) {
            duplicated[next++] = i;
            weights[i] = 1.0;
            if (i % 3 == 0) {
                duplicated[next++] = i;
                weights[i] = 2.0;
            }
        }
        LogisticRegressionTrainer trainer = new LogisticRegressionTrainer(0.5, ClassWeight.NONE, TOL, MAX_ITER);

        LogisticRegressionModel weighted = trainer.fit(data, weights);
        LogisticRegressionModel repeated = trainer.fit(data.select(duplicated));

        assertArrayEquals(repeated.coefficients()[0], weighted.coefficients()[0], 1e-9);
        assertArrayEquals(repeated.intercepts(), weighted.intercepts(), 1e-9);
        assertEquals(repeated.report().objective(), weighted.report().objective(), 1e-9 * repeated.report().objective());
    }

    @Test
    void stoppingAtMaxIterIsReportedAsNotConverged() {
        Dataset data = syntheticBinary(300, 6, 5);

        LogisticRegressionModel model = new LogisticRegressionTrainer(1.0, ClassWeight.NONE, TOL, 2).fit(data);

        assertEquals(2, model.report().iterations());
        assertFalse(model.report().converged());
        assertTrue(model.report().gradientMaxNorm() > TOL);
    }

    @Test
    void aNonFiniteGradientIsABreakdownThatNamesTheSolverNotAModel() {
        Dataset data = syntheticBinary(300, 6, 5);

        // C * rows underflows: the regularisation weight 1 / (C * rows) is infinite
        SolverBreakdownException error = assertThrows(SolverBreakdownException.class,
                () -> new LogisticRegressionTrainer(1e-320, ClassWeight.NONE, TOL, MAX_ITER).fit(data));

        assertTrue(error.getMessage().startsWith("solver newton-cholesky broke down after 0 iterations: "),
                error.getMessage());
        assertTrue(error.getMessage().contains("not finite") || error.getMessage().contains("NaN")
                || error.getMessage().contains("Infinity"), error.getMessage());
    }

    @Test
    void anInfiniteHessianIsABreakdownRatherThanAnEndlessShift() {
        Dataset finite = syntheticBinary(50, 2, 5);
        double[] huge = finite.features().clone();
        for (int i = 0; i < huge.length; i++) {
            huge[i] *= 1e200;
        }
        Dataset data = new Dataset(huge, finite.rows(), finite.columns(), finite.labels(), finite.classes(), List.of());

        SolverBreakdownException error = assertThrows(SolverBreakdownException.class,
                () -> new LogisticRegressionTrainer(1.0, ClassWeight.NONE, TOL, MAX_ITER).fit(data));

        assertTrue(error.getMessage().startsWith("solver newton-cholesky broke down at iteration 0: the Hessian is not finite"),
                error.getMessage());
    }

    @Test
    void oneClassIsRejected() {
        Dataset data = new Dataset(new double[] {1, 2, 3}, 3, 1, new int[3], new ClassLabels(List.of("a"), false), List.of());

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new LogisticRegressionTrainer(1.0, ClassWeight.NONE, TOL, MAX_ITER).fit(data));

        assertEquals("logistic regression needs at least 2 classes, got 1", error.getMessage());
    }

    @Test
    void aClassWithoutRowsGetsAVanishingProbabilityInsteadOfAFailure() {
        Dataset twoClasses = syntheticBinary(200, 3, 7);
        Dataset threeClasses = new Dataset(twoClasses.features(), twoClasses.rows(), twoClasses.columns(),
                twoClasses.labels(), new ClassLabels(List.of("0", "1", "2"), true), List.of());

        LogisticRegressionModel model = new LogisticRegressionTrainer(1.0, ClassWeight.BALANCED, TOL, MAX_ITER)
                .fit(threeClasses);

        assertEquals(3, model.coefficients().length);
        double[] probabilities = model.predictProba(threeClasses.features(), 0);
        assertTrue(probabilities[2] < 1e-6, "probability of the absent class: " + probabilities[2]);
        assertEquals(1.0, probabilities[0] + probabilities[1] + probabilities[2], 1e-12);
    }

    @Test
    void balancedWeightsEqualExplicitSampleWeights() {
        Dataset data = syntheticBinary(200, 4, 3);
        int[] counts = data.classCounts();
        double[] weights = new double[data.rows()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = data.rows() / (2.0 * counts[data.labels()[i]]);
        }

        LogisticRegressionModel balanced = new LogisticRegressionTrainer(1.0, ClassWeight.BALANCED, TOL, MAX_ITER).fit(data);
        LogisticRegressionModel explicit = new LogisticRegressionTrainer(1.0, ClassWeight.NONE, TOL, MAX_ITER).fit(data, weights);

        assertArrayEquals(explicit.coefficients()[0], balanced.coefficients()[0], 1e-12);
        assertArrayEquals(explicit.intercepts(), balanced.intercepts(), 1e-12);
    }

    private static void assertAtOptimum(ReferenceCase reference, LogisticRegressionModel model) {
        LogisticRegressionModel optimum = reference.optimumClassifier();
        double[][] expected = optimum.coefficients();
        assertEquals(expected.length, model.coefficients().length, "coefficient rows");
        for (int k = 0; k < expected.length; k++) {
            assertArrayEquals(expected[k], model.coefficients()[k], 1e-6, "coefficients of row " + k);
        }
        assertArrayEquals(optimum.intercepts(), model.intercepts(), 1e-6, "intercepts");
        double objective = optimum.report().objective();
        assertEquals(objective, model.report().objective(), 1e-9 * objective, "objective");

        for (double[] rawRow : reference.testRows()) {
            double[] row = reference.optimum().scaler().transform(rawRow);
            double[] expectedProbabilities = optimum.predictProba(row, 0);
            assertArrayEquals(expectedProbabilities, model.predictProba(row, 0), 2e-6, "test probabilities");
            if (!hasTiedTop(expectedProbabilities)) {
                assertEquals(optimum.predict(row, 0), model.predict(row, 0), "predicted label");
            }
        }
    }

    private static boolean hasTiedTop(double[] probabilities) {
        double best = Double.NEGATIVE_INFINITY;
        int atBest = 0;
        for (double p : probabilities) {
            if (p > best) {
                best = p;
                atBest = 1;
            } else if (p == best) {
                atBest++;
            }
        }
        return atBest > 1;
    }

    /** Standard-normal features, labels drawn from a logistic model with random coefficients. */
    static Dataset syntheticBinary(int rows, int columns, long seed) {
        Random random = new Random(seed);
        double[] truth = new double[columns];
        for (int j = 0; j < columns; j++) {
            truth[j] = random.nextGaussian();
        }
        double[] features = new double[rows * columns];
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            double z = 0.3;
            for (int j = 0; j < columns; j++) {
                features[i * columns + j] = random.nextGaussian();
                z += truth[j] * features[i * columns + j];
            }
            labels[i] = random.nextDouble() < 1.0 / (1.0 + Math.exp(-z)) ? 1 : 0;
        }
        return new Dataset(features, rows, columns, labels, new ClassLabels(List.of("0", "1"), true), List.of());
    }
}
