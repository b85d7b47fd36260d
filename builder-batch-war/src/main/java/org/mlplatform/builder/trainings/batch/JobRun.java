package org.mlplatform.builder.trainings.batch;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.mlplatform.builder.trainings.control.BuilderFolders;
import org.mlplatform.builder.trainings.control.CheckedData;
import org.mlplatform.builder.trainings.control.DataFolder;
import org.mlplatform.builder.trainings.control.JobWorkFolder;
import org.mlplatform.builder.trainings.control.TrainingJob;
import org.mlplatform.builder.trainings.control.ValidatedInputs;
import org.mlplatform.builder.trainings.entity.ValidatedData;
import org.mlplatform.pipeline.TrainingRequest;

import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * What every step of the running {@code train-model} job needs: its validated parameters (read
 * from the job parameters, so console and CLI submissions are checked like REST ones) and the job
 * instance's work folder.
 */
@Dependent
public class JobRun {

    @Inject
    JobContext jobContext;

    @Inject
    BuilderFolders folders;

    public TrainingRequest request() {
        return folders.validator().validate(parameters());
    }

    /** The job parameters as submitted, without the batch runtime's own. */
    public Map<String, String> parameters() {
        Properties parameters = BatchRuntime.getJobOperator().getParameters(jobContext.getExecutionId());
        return parameters == null ? Map.of() : parameters.stringPropertyNames().stream()
                .filter(name -> !TrainingJob.isRuntimeParameter(name))
                .collect(Collectors.toMap(name -> name, parameters::getProperty));
    }

    public CheckedData checkedData() {
        return folders.checked();
    }

    /** The data folder the job's data paths are relative to. */
    public DataFolder dataFolder() {
        return folders.data();
    }

    public JobWorkFolder workFolder() {
        return folders.work(jobContext.getInstanceId());
    }

    /**
     * What {@code validate-data} recorded, once every input file is checked to be what it read: a
     * file changed since (e.g. replaced before a restart) fails the calling step, naming the file.
     */
    public ValidatedData validatedDataUnchanged() {
        ValidatedData validated = workFolder().validatedData();
        ValidatedInputs.requireUnchanged(validated.files(), dataFolder());
        return validated;
    }

    public JobContext context() {
        return jobContext;
    }
}
