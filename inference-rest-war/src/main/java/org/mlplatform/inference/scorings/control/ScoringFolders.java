package org.mlplatform.inference.scorings.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mlplatform.inference.scorings.entity.ScoringPlan;
import org.mlplatform.repository.ModelRepository;

/**
 * Where scoring reads and writes: the data folder (inputs, outputs, uploads), the model repository,
 * and a work folder per job instance ({@code ${jboss.server.data.dir}/mlplatform/scoring-jobs/<instance>})
 * holding the job's {@code plan.json}.
 */
@ApplicationScoped
public class ScoringFolders {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withFormatting(true));

    @Inject
    @ConfigProperty(name = "mlplatform.data.dir", defaultValue = "models/data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "mlplatform.models.dir", defaultValue = "models")
    String modelsDir;

    @Inject
    @ConfigProperty(name = "jboss.server.data.dir", defaultValue = "data")
    String serverDataDir;

    public Path data() {
        return Path.of(dataDir).toAbsolutePath().normalize();
    }

    public ModelRepository repository() {
        return new ModelRepository(Path.of(modelsDir).toAbsolutePath().normalize());
    }

    public ScoringRequestValidator validator() {
        return new ScoringRequestValidator(data(), repository());
    }

    public Path work(long instanceId) {
        return Path.of(serverDataDir, "mlplatform", "scoring-jobs", Long.toString(instanceId)).toAbsolutePath();
    }

    public Optional<ScoringPlan> plan(long instanceId) {
        return readPlan(work(instanceId));
    }

    public void savePlan(long instanceId, ScoringPlan plan) {
        writePlan(work(instanceId), plan);
    }

    static Optional<ScoringPlan> readPlan(Path workFolder) {
        try (InputStream in = Files.newInputStream(workFolder.resolve("plan.json"))) {
            return Optional.of(JSONB.fromJson(in, ScoringPlan.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the scoring plan in " + workFolder, e);
        }
    }

    /** Written to a temporary file, forced and renamed: a plan is whole or absent. */
    static void writePlan(Path workFolder, ScoringPlan plan) {
        try {
            Files.createDirectories(workFolder);
            Path temp = workFolder.resolve("plan.json.tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                JSONB.toJson(plan, out);
            }
            try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, workFolder.resolve("plan.json"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the scoring plan in " + workFolder, e);
        }
    }
}
