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

/** Ready when the model repository folder exists (or can be created) and a file can be written in it. */
@Readiness
@ApplicationScoped
public class ModelFolderCheck implements HealthCheck {

    @Inject
    @ConfigProperty(name = "mlplatform.models.dir")
    String modelsDirectory;

    @Override
    public HealthCheckResponse call() {
        Path folder = Path.of(modelsDirectory);
        try {
            Files.createDirectories(folder);
            Files.delete(Files.createTempFile(folder, ".health", ".tmp"));
            return HealthCheckResponse.named("model-folder").up().withData("path", folder.toString()).build();
        } catch (IOException | RuntimeException e) {
            return HealthCheckResponse.named("model-folder").down().withData("path", folder.toString())
                    .withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
