package org.mlplatform.inference.scorings.batch;

import java.nio.file.Path;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.mlplatform.inference.scorings.control.PartFile;
import org.mlplatform.inference.scorings.control.ScoringFolders;
import org.mlplatform.inference.scorings.entity.ScoringPlan;

/** Last step: renames the finished part files to their final names, so the output appears whole. */
@Named
@Dependent
public class PublishOutputBatchlet extends AbstractBatchlet {

    @Inject
    JobContext job;

    @Inject
    ScoringFolders folders;

    @Override
    public String process() throws Exception {
        ScoringPlan plan = folders.plan(job.getInstanceId()).orElseThrow();
        publish(folders.data().resolve(plan.output()));
        if (plan.rejected() != null) {
            publish(folders.data().resolve(plan.rejected()));
        }
        return "COMPLETED " + plan.output();
    }

    /** Also after a crash between the link and the end of this step: then only the part name is removed. */
    private static void publish(Path target) throws Exception {
        PartFile.publish(target);
    }
}
