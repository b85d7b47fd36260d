package org.mlplatform.builder.trainings.control;

import org.mlplatform.pipeline.TrainingRequest;
import org.mlplatform.pipeline.options.InvalidOptionException;
import org.mlplatform.pipeline.options.TrainingOption;
import org.mlplatform.pipeline.options.TrainingOptions;
import org.mlplatform.pipeline.options.UnknownOptionException;

import java.nio.file.Path;
import java.util.Map;

/**
 * Turns job parameters (strings, as REST, JMS, the console and the CLI give them) into a
 * {@link TrainingRequest} by the option table ({@link TrainingOptions}), naming the field of the first
 * problem. Data paths are resolved inside the data folder; a model name the data folder takes is refused.
 */
public final class TrainingRequestValidator {

    private final DataFolder dataFolder;
    private final Path modelsRoot;

    /** A validator that does not know the model repository, so it cannot check model names against the data folder. */
    public TrainingRequestValidator(DataFolder dataFolder) {
        this(dataFolder, null);
    }

    /**
     * @param modelsRoot the model repository, where a model's versions go in {@code <root>/<model>}: a
     *                   model name whose folder would be, hold or lie in the data folder is refused
     */
    public TrainingRequestValidator(DataFolder dataFolder, Path modelsRoot) {
        this.dataFolder = dataFolder;
        this.modelsRoot = modelsRoot == null ? null : modelsRoot.toAbsolutePath().normalize();
    }

    public TrainingRequest validate(Map<String, String> parameters) {
        TrainingRequest request;
        try {
            request = new TrainingOptions(TrainingOption::key, (option, path) -> dataFolder.resolve(option.key(), path))
                    .request(TrainingOptions.byKey(parameters));
        } catch (UnknownOptionException e) {
            throw new InvalidRequestException(e.name(), e.getMessage());
        } catch (InvalidOptionException e) {
            throw new InvalidRequestException(e);
        }
        requireOutsideDataFolder(request.model());
        return request;
    }

    /** A name a model can be published under: the repository's rule, and not the data folder's place. */
    public void checkModelName(String model) {
        try {
            TrainingOption.MODEL.check(model);
        } catch (InvalidOptionException e) {
            throw new InvalidRequestException(e);
        }
        requireOutsideDataFolder(model);
    }

    /**
     * The data folder may sit inside the model repository (the default: {@code models/data}); a model
     * named after it would publish its versions among the training files, and a scan of the
     * repository would take the data folder for a model.
     */
    private void requireOutsideDataFolder(String model) {
        if (modelsRoot == null) {
            return;
        }
        Path modelFolder = modelsRoot.resolve(model).normalize();
        Path data = dataFolder.root();
        if (data.startsWith(modelFolder) || modelFolder.startsWith(data)) {
            String where = data.startsWith(modelsRoot)
                    ? "which is " + modelsRoot.relativize(data).toString().replace('\\', '/') + " in the model repository"
                    : "which holds the model repository";
            throw new InvalidRequestException(TrainingOption.MODEL.key(), "model name " + model + " is taken by the data folder, "
                    + where + "; choose another name");
        }
    }
}
