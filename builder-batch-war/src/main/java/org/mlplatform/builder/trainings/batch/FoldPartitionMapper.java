package org.mlplatform.builder.trainings.batch;

import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;
import java.util.Properties;

/**
 * One partition per cross-validation fold not done yet, as many at once as there are cores; property
 * {@code fold} is the partition's fold index. A fold is done when the analyzer has stored its metrics
 * in the job's work folder.
 */
@Named
@Dependent
public class FoldPartitionMapper implements PartitionMapper {

    @Inject
    JobRun run;

    @Override
    public PartitionPlan mapPartitions() {
        int folds = run.request().parameters().pipeline().cvFolds();
        List<Integer> toRun = run.workFolder().foldsNotDone(folds);
        if (toRun.isEmpty()) {
            // Stopped after the last fold was stored: running one again (same seed, same result) lets the
            // analyzer store the combined result
            toRun = List.of(folds - 1);
        }
        Properties[] partitions = new Properties[toRun.size()];
        for (int i = 0; i < partitions.length; i++) {
            partitions[i] = new Properties();
            partitions[i].setProperty("fold", Integer.toString(toRun.get(i)));
        }
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(partitions.length);
        // More threads than cores only add memory: each running fold holds a copy of its rows
        plan.setThreads(Math.min(partitions.length, Runtime.getRuntime().availableProcessors()));
        plan.setPartitionProperties(partitions);
        // A fresh plan on restart too: JBeret's restart without it re-runs only the partitions recorded
        // as started, so a fold that had not begun when the server died would never run
        plan.setPartitionsOverride(true);
        return plan;
    }
}
