package org.mlplatform.builder.trainings.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.mlplatform.builder.trainings.control.TrainingDataCheck;
import org.mlplatform.pipeline.TrainingData;
import org.mlplatform.pipeline.boundary.TrainingService;

import java.util.Arrays;

/** Step {@code validate-data}: the parameters, the files and the class counts against the folds. */
@Named
@Dependent
public class ValidateDataBatchlet extends AbstractBatchlet {

    @Inject
    JobRun run;

    @Inject
    StepContext stepContext;

    @Inject
    TrainingService training;

    @Override
    public String process() {
        // This step runs first in a new job instance; results of an older instance with the same id go
        run.workFolder().clear();
        TrainingData data = TrainingDataCheck.load(training, run.request(), run.dataFolder());
        String summary = data.train().rows() + " training rows, class counts "
                + Arrays.toString(data.train().classCounts())
                + (data.test() == null ? "" : ", " + data.test().rows() + " test rows");
        stepContext.setExitStatus(summary);
        return summary;
    }
}
