package org.mlplatform.builder.trainings.batch;

import jakarta.batch.api.partition.PartitionCollector;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/**
 * Hands a finished fold's metrics (JSON of {@link FoldMetrics}) from its partition to the analyzer, or
 * {@link #NO_FOLD} from a partition that has none (stopped before its batchlet ran).
 */
@Named
@Dependent
public class FoldMetricsCollector implements PartitionCollector {

    /**
     * JBeret hands collector data through a queue that refuses null: a null here failed the partition
     * (NullPointerException) and turned a stop during cross-validation into a FAILED job.
     */
    static final String NO_FOLD = "";

    @Inject
    StepContext stepContext;

    @Override
    public Serializable collectPartitionData() {
        Object data = stepContext.getTransientUserData();
        return data == null ? NO_FOLD : (Serializable) data;
    }
}
