package org.mlplatform.builder.models.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ready when the model repository folder exists (or can be created) and a file can be written in it.
 * The health endpoint answers without credentials: it names the setting, never the absolute path
 * (a failure's message shows paths relative to the folder).
 */
@Readiness
@ApplicationScoped
public class ModelFolderCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(ModelFolderCheck.class.getName());

    @Inject
    @ConfigProperty(name = "mlplatform.models.dir")
    String modelsDirectory;

    @Override
    public HealthCheckResponse call() {
        Path folder = Path.of(modelsDirectory);
        try {
            Files.createDirectories(folder);
            Files.delete(Files.createTempFile(folder, ".health", ".tmp"));
            return HealthCheckResponse.named("model-folder").up().withData("folder", SETTING).build();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "the model folder " + folder + " is not writable", e);
            return HealthCheckResponse.named("model-folder").down().withData("folder", SETTING)
                    .withData("error", relative(String.valueOf(e.getMessage()), folder)).build();
        }
    }

    static final String SETTING = "mlplatform.models.dir";

    /** The message with the folder's absolute path replaced by the setting's name. */
    static String relative(String message, Path folder) {
        return message.replace(folder.toAbsolutePath().toString(), "<" + SETTING + ">").replace(folder.toString(), "<" + SETTING + ">");
    }
}
