package org.mlplatform.builder.trainings.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;

/** The folders the builder reads and writes, from configuration (system properties set by wildfly-config). */
@ApplicationScoped
public class BuilderFolders {

    @Inject
    @ConfigProperty(name = "mlplatform.data.dir")
    String dataDirectory;

    @Inject
    @ConfigProperty(name = "mlplatform.builder.work.dir")
    String workDirectory;

    public DataFolder data() {
        return new DataFolder(Path.of(dataDirectory));
    }

    /** Where uploaded CSV files are kept, inside the data folder. */
    public Path uploads() {
        return data().root().resolve("uploads");
    }

    public JobWorkFolder work(long jobInstanceId) {
        return new JobWorkFolder(Path.of(workDirectory).resolve(Long.toString(jobInstanceId)));
    }
}
