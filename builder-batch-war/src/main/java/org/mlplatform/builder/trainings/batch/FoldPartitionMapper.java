package org.mlplatform.builder.trainings.batch;

import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Properties;

/** One partition per cross-validation fold, all running at once; property {@code fold} is its index. */
@Named
@Dependent
public class FoldPartitionMapper implements PartitionMapper {

    @Inject
    JobRun run;

    @Override
    public PartitionPlan mapPartitions() {
        int folds = run.request().parameters().cvFolds();
        Properties[] partitions = new Properties[folds];
        for (int fold = 0; fold < folds; fold++) {
            partitions[fold] = new Properties();
            partitions[fold].setProperty("fold", Integer.toString(fold));
        }
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(folds);
        plan.setThreads(folds);
        plan.setPartitionProperties(partitions);
        return plan;
    }
}
