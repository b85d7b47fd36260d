package org.mlplatform.builder.trainings.batch;

import jakarta.batch.api.partition.PartitionCollector;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/** Hands a finished fold's metrics (JSON of {@link FoldMetrics}) from its partition to the analyzer. */
@Named
@Dependent
public class FoldMetricsCollector implements PartitionCollector {

    @Inject
    StepContext stepContext;

    @Override
    public Serializable collectPartitionData() {
        return (Serializable) stepContext.getTransientUserData();
    }
}
