package org.mlplatform.builder.trainings.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.mlplatform.builder.trainings.control.JobWorkFolder;
import org.mlplatform.builder.trainings.entity.PublishedModel;
import org.mlplatform.pipeline.TrainingData;
import org.mlplatform.pipeline.TrainingRequest;
import org.mlplatform.pipeline.boundary.TrainingService;
import org.mlplatform.repository.ModelRepository;
import org.mlplatform.repository.PublishedVersion;

/** Step {@code publish}: writes the fitted model and its metrics as a new version, atomically. */
@Named
@Dependent
public class PublishBatchlet extends AbstractBatchlet {

    @Inject
    JobRun run;

    @Inject
    StepContext stepContext;

    @Inject
    ModelRepository repository;

    @Inject
    TrainingService training;

    @Override
    public String process() throws Exception {
        TrainingRequest request = run.request();
        // Loaded again for the files' SHA-256 that go into metadata.json
        TrainingData data = training.load(request.parameters(), request.train(), request.test(),
                run.dataFolder()::relativize);
        JobWorkFolder workFolder = run.workFolder();
        PublishedVersion version = training.publish(request.parameters(), repository, request.model(),
                workFolder.model(), data, workFolder.crossValidation().orElse(null),
                workFolder.testMetrics().orElse(null));
        workFolder.savePublished(new PublishedModel(version.model(), version.version()));
        String summary = "published " + version.model() + " version " + version.version();
        stepContext.setExitStatus(summary);
        run.context().setExitStatus(summary);
        return summary;
    }
}
