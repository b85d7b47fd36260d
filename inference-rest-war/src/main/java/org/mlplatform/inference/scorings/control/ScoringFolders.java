package org.mlplatform.inference.scorings.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.OptionalLong;

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
 * holding the job's {@code plan.json} and, once counted, the input's data rows ({@code total-rows}).
 * The plan is written once, by the first step; the total has a file of its own because it is
 * counted later, on another thread, while the job scores.
 */
@ApplicationScoped
public class ScoringFolders {

    private static final String TOTAL_ROWS = "total-rows";
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

    /** The input's data rows, once counted. */
    public OptionalLong totalRows(long instanceId) {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(work(instanceId).resolve(TOTAL_ROWS)).strip()));
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the total rows in " + work(instanceId), e);
        }
    }

    public void saveTotalRows(long instanceId, long rows) {
        writeWhole(work(instanceId), TOTAL_ROWS, Long.toString(rows).getBytes(StandardCharsets.UTF_8));
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

    static void writePlan(Path workFolder, ScoringPlan plan) {
        writeWhole(workFolder, "plan.json", JSONB.toJson(plan).getBytes(StandardCharsets.UTF_8));
    }

    /** Written to a temporary file, forced and renamed: a file of the work folder is whole or absent. */
    private static void writeWhole(Path workFolder, String name, byte[] content) {
        try {
            Files.createDirectories(workFolder);
            Path temp = workFolder.resolve(name + ".tmp");
            Files.write(temp, content);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, workFolder.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name + " in " + workFolder, e);
        }
    }
}
