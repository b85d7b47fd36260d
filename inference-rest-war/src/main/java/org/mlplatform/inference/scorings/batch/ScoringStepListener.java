package org.mlplatform.inference.scorings.batch;

import java.time.Clock;

import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.mlplatform.inference.models.control.ModelLoader;
import org.mlplatform.inference.models.control.OnnxSessionFactory;
import org.mlplatform.inference.models.control.ServedModels;
import org.mlplatform.inference.scorings.control.ScoringFolders;
import org.mlplatform.inference.scorings.control.ScoringModel;
import org.mlplatform.inference.scorings.entity.ScoringPlan;

/** Opens the planned model version before the {@code score} step and closes it after. */
@Named
@Dependent
public class ScoringStepListener extends AbstractStepListener {

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Inject
    ScoringFolders folders;

    @Inject
    ServedModels served;

    @Override
    public void beforeStep() throws Exception {
        ScoringPlan plan = folders.plan(job.getInstanceId())
                .orElseThrow(() -> new IllegalStateException("no scoring plan for job instance " + job.getInstanceId()));
        ModelLoader loader = new ModelLoader(folders.repository(), new OnnxSessionFactory(), Clock.systemUTC());
        ScoringModel model = ScoringModel.open(served, loader, plan.model(), plan.version());
        if (plan.sha256() != null && !plan.sha256().equalsIgnoreCase(model.sha256())) {
            model.close();
            throw new IllegalStateException("model " + plan.model() + " version " + plan.version()
                    + " is not the file the job started with (SHA-256 " + model.sha256() + ", planned " + plan.sha256() + ")");
        }
        step.setTransientUserData(new ScoringStepState(plan, model));
    }

    @Override
    public void afterStep() {
        if (step.getTransientUserData() instanceof ScoringStepState state) {
            state.model.close();
        }
    }
}
