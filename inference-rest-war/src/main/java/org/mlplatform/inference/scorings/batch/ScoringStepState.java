package org.mlplatform.inference.scorings.batch;

import org.mlplatform.inference.scorings.control.ScoringModel;
import org.mlplatform.inference.scorings.entity.ScoringPlan;

/**
 * What the artifacts of one {@code score} step execution share (the step's transient user data):
 * the plan, the open model and the rows read since the last checkpoint.
 */
class ScoringStepState {

    final ScoringPlan plan;
    final ScoringModel model;
    /** Rows (accepted and rejected) read since the current checkpoint interval began. */
    long rowsSinceCheckpoint;

    ScoringStepState(ScoringPlan plan, ScoringModel model) {
        this.plan = plan;
        this.model = model;
    }
}
