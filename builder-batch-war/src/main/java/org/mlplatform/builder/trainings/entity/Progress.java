package org.mlplatform.builder.trainings.entity;

/**
 * How far a training job is, counted over all executions of its job instance (a restart does not
 * redo completed steps).
 *
 * @param stepsCompleted steps that have completed
 * @param stepsTotal     steps the job runs (the cross-validation step is left out when cvFolds is 0)
 * @param foldsCompleted cross-validation partitions whose metrics have been collected
 * @param folds          cross-validation partitions in all
 */
public record Progress(int stepsCompleted, int stepsTotal, int foldsCompleted, int folds) {
}
