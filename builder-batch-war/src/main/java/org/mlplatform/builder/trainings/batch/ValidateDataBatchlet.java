package org.mlplatform.builder.trainings.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.mlplatform.builder.trainings.control.JobWorkFolder;
import org.mlplatform.builder.trainings.control.TrainingDataCheck;
import org.mlplatform.builder.trainings.control.ValidatedInputs;
import org.mlplatform.builder.trainings.entity.ValidatedData;
import org.mlplatform.pipeline.TrainingData;
import org.mlplatform.pipeline.TrainingRequest;
import org.mlplatform.pipeline.boundary.TrainingService;
import org.mlplatform.repository.ModelMetadata.DatasetSummary;


/**
 * Step {@code validate-data}: the parameters, the files and the class counts against the folds. The
 * only step that reads the CSV files, unless the REST or JMS door read the same files for the same
 * parameters ({@link org.mlplatform.builder.trainings.control.CheckedData}): it leaves the rows, the
 * files' digests and the data summary in the work folder for the later steps.
 */
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
        JobWorkFolder workFolder = run.workFolder();
        workFolder.clear();
        TrainingRequest request = run.request();
        boolean checkedAtTheDoor = run.checkedData().handTo(run.parameters(), ValidatedInputs.current(request), workFolder);
        if (!checkedAtTheDoor) {
            TrainingData data = TrainingDataCheck.load(training, request, run.dataFolder());
            workFolder.saveValidatedData(data, ValidatedInputs.of(request, data));
        }
        ValidatedData validated = workFolder.validatedData();
        DatasetSummary data = validated.summary().dataset();
        String summary = data.rows() + " training rows, class counts " + data.classCounts().values()
                + (validated.test() ? ", " + validated.testRows() + " test rows" : "")
                // the REST or JMS door read these very files for these parameters and kept the rows
                + (checkedAtTheDoor ? " (as read when the request was checked)" : "");
        stepContext.setExitStatus(summary);
        return summary;
    }

}
