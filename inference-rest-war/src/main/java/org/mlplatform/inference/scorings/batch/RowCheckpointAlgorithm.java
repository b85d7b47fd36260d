package org.mlplatform.inference.scorings.batch;

import jakarta.batch.api.chunk.AbstractCheckpointAlgorithm;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Checkpoints every {@code checkpointRows} input rows, whatever the block size. */
@Named
@Dependent
public class RowCheckpointAlgorithm extends AbstractCheckpointAlgorithm {

    @Inject
    StepContext step;

    @Override
    public void beginCheckpoint() {
        state().rowsSinceCheckpoint = 0;
    }

    @Override
    public boolean isReadyToCheckpoint() {
        ScoringStepState state = state();
        return state.rowsSinceCheckpoint >= state.plan.checkpointRows();
    }

    private ScoringStepState state() {
        return (ScoringStepState) step.getTransientUserData();
    }
}
