package org.mlplatform.builder.trainings.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.mlplatform.builder.trainings.entity.ValidatedFile;
import org.mlplatform.pipeline.CanonicalJson;
import org.mlplatform.pipeline.TrainingData;
import org.mlplatform.pipeline.TrainingRequest;
import org.mlplatform.repository.ContentDigest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Data the REST and JMS doors read to check a request, handed to the job's {@code validate-data} step
 * so that a job submitted there parses its CSV files once. The door leaves the rows as a work folder
 * would hold them under a key: the job parameters and the files' SHA-256. The step takes the folder
 * over only when it computes the same key, so a file changed in between is read afresh. Entries no job
 * took (the job did not start) are removed after {@link #UNCLAIMED_LIFETIME}.
 */
public final class CheckedData {

    static final Duration UNCLAIMED_LIFETIME = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(CheckedData.class.getName());

    private final Path root;

    public CheckedData(Path root) {
        this.root = root;
    }

    /** Keeps what the door read for the job that the parameters will start. */
    public void keep(Map<String, String> parameters, TrainingRequest request, TrainingData data) {
        List<ValidatedFile> files = ValidatedInputs.of(request, data);
        Path target = root.resolve(key(parameters, files));
        try {
            removeUnclaimed();
            if (Files.exists(target)) {
                return;
            }
            Path staging = root.resolve("staging-" + UUID.randomUUID());
            new JobWorkFolder(staging).saveValidatedData(data, files);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                new JobWorkFolder(staging).clear();
            }
        } catch (IOException | UncheckedIOException e) {
            // Only a shortcut: the job reads the files itself without it
            LOG.warning(() -> "could not keep the checked data for the job: " + e.getMessage());
        }
    }

    /**
     * Moves the data kept for these parameters and files into the (cleared, absent) work folder.
     *
     * @return false when there is none: the caller reads the files
     */
    public boolean handTo(Map<String, String> parameters, List<ValidatedFile> files, JobWorkFolder work) {
        Path kept = root.resolve(key(parameters, files));
        try {
            Files.createDirectories(work.folder().getParent());
            Files.move(kept, work.folder(), StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** SHA-256 of the canonical JSON of the job parameters and the files with their digests. */
    static String key(Map<String, String> parameters, List<ValidatedFile> files) {
        JsonObjectBuilder options = Json.createObjectBuilder();
        parameters.forEach(options::add);
        JsonArrayBuilder digests = Json.createArrayBuilder();
        files.forEach(file -> digests.add(Json.createObjectBuilder().add("field", file.field()).add("path", file.path())
                .add("sha256", file.sha256())));
        String json = CanonicalJson.write(Json.createObjectBuilder().add("parameters", options).add("files", digests).build());
        return ContentDigest.sha256(json.getBytes(StandardCharsets.UTF_8));
    }

    private void removeUnclaimed() throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        Instant oldest = Instant.now().minus(UNCLAIMED_LIFETIME);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                if (Files.getLastModifiedTime(entry).toInstant().isBefore(oldest)) {
                    new JobWorkFolder(entry).clear();
                }
            }
        }
    }
}
