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

/** Ready when the model repository folder exists (or can be created) and a file can be written in it. */
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
            return HealthCheckResponse.named("model-folder").up().build();
        } catch (IOException | RuntimeException e) {
            // the readiness answer is public: the folder's absolute path and the message naming it go to the log only
            LOG.log(Level.WARNING, "the model folder " + folder + " is not writable", e);
            return HealthCheckResponse.named("model-folder").down()
                    .withData("error", "the model folder is not writable (" + e.getClass().getSimpleName() + ")").build();
        }
    }
}
