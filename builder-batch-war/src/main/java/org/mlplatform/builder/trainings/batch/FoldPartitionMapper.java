package org.mlplatform.builder.trainings.batch;

import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Properties;

/**
 * One partition per cross-validation fold, as many at once as there are cores; property
 * {@code fold} is the partition's fold index.
 */
@Named
@Dependent
public class FoldPartitionMapper implements PartitionMapper {

    @Inject
    JobRun run;

    @Override
    public PartitionPlan mapPartitions() {
        int folds = run.request().parameters().pipeline().cvFolds();
        Properties[] partitions = new Properties[folds];
        for (int fold = 0; fold < folds; fold++) {
            partitions[fold] = new Properties();
            partitions[fold].setProperty("fold", Integer.toString(fold));
        }
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(folds);
        // More threads than cores only add memory: each running fold holds a copy of its rows
        plan.setThreads(Math.min(folds, Runtime.getRuntime().availableProcessors()));
        plan.setPartitionProperties(partitions);
        return plan;
    }
}
