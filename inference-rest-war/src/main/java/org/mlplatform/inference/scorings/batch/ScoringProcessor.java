package org.mlplatform.inference.scorings.batch;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.mlplatform.inference.scorings.control.BlockScorer;
import org.mlplatform.inference.scorings.entity.RowBlock;
import org.mlplatform.inference.scorings.entity.ScoredBlock;

/** Runs the model on a block's rows in one ONNX Runtime call, as the REST API runs a batch request. */
@Named
@Dependent
public class ScoringProcessor implements ItemProcessor {

    @Inject
    StepContext step;

    @Override
    public Object processItem(Object item) throws Exception {
        RowBlock block = (RowBlock) item;
        if (block.count() == 0) {
            return new ScoredBlock(block, null);
        }
        ScoringStepState state = (ScoringStepState) step.getTransientUserData();
        return new ScoredBlock(block, BlockScorer.score(state.model.session(), block.features(), block.count()));
    }
}
