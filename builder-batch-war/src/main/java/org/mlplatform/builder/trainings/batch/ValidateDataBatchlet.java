package org.mlplatform.builder.trainings.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.mlplatform.builder.trainings.control.TrainingDataCheck;
import org.mlplatform.builder.trainings.control.ValidatedInputs;
import org.mlplatform.pipeline.TrainingData;
import org.mlplatform.pipeline.TrainingRequest;

import java.util.Arrays;

/**
 * Step {@code validate-data}: the parameters, the files and the class counts against the folds. The
 * only step that parses the CSV files: it leaves the rows, the files' digests and the data summary in
 * the work folder for the later steps.
 */
@Named
@Dependent
public class ValidateDataBatchlet extends AbstractBatchlet {

    @Inject
    JobRun run;

    @Inject
    StepContext stepContext;

    @Override
    public String process() {
        // This step runs first in a new job instance; results of an older instance with the same id go
        run.workFolder().clear();
        TrainingRequest request = run.request();
        TrainingData data = TrainingDataCheck.load(request, run.dataFolder());
        run.workFolder().saveValidatedData(data, ValidatedInputs.of(request, data));
        String summary = data.train().rows() + " training rows, class counts "
                + Arrays.toString(data.train().classCounts())
                + (data.test() == null ? "" : ", " + data.test().rows() + " test rows");
        stepContext.setExitStatus(summary);
        return summary;
    }
}
