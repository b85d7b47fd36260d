package org.mlplatform.builder.trainings.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.mlplatform.builder.models.control.ModelEvents;
import org.mlplatform.builder.trainings.entity.PublishedModel;

/** Step {@code announce}: tells the model-events topic about the version the publish step wrote. */
@Named
@Dependent
public class AnnounceBatchlet extends AbstractBatchlet {

    @Inject
    JobRun run;

    @Inject
    ModelEvents events;

    @Override
    public String process() {
        PublishedModel published = run.workFolder().published()
                .orElseThrow(() -> new IllegalStateException("the publish step left no version to announce"));
        events.versionPublished(published.model(), published.version());
        String summary = "published " + published.model() + " version " + published.version();
        run.context().setExitStatus(summary);
        return summary;
    }
}
