package org.mlplatform.builder.models.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mlplatform.repository.ModelRepository;

import java.nio.file.Path;

/** The model repository at the configured folder ({@code mlplatform.models.dir}). */
@ApplicationScoped
public class ModelRepositoryProducer {

    @Inject
    @ConfigProperty(name = "mlplatform.models.dir")
    String modelsDirectory;

    @Produces
    public ModelRepository repository() {
        return new ModelRepository(Path.of(modelsDirectory));
    }
}
