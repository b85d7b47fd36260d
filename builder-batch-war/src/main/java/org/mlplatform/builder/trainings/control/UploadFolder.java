package org.mlplatform.builder.trainings.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * Keeps uploaded CSV files under their content hash ({@code <sha256>.csv}), so the same upload is
 * stored once and a job's parameters name exactly the bytes it trains on.
 * <p>
 * An upload is held by its request until the request {@link #release releases} it: accepted (a job
 * now names the file, which then stays until removed by hand) or refused (the file goes, unless it was
 * there before the request, another request in flight holds it, or an accepted job named it). The
 * bookkeeping is per server: the folder is assumed to belong to one builder server.
 */
public final class UploadFolder {

    /** Requests in flight per stored file; guards {@link #ACCEPTED} too. */
    private static final Map<Path, Integer> HELD = new HashMap<>();
    /** Files an accepted job named since the server started; never removed by a refusal. */
    private static final Set<Path> ACCEPTED = new HashSet<>();

    /** A stored upload held by a request; {@code created} when this request put it in the folder. */
    public record Upload(Path file, boolean created) {
    }

    private final Path folder;

    public UploadFolder(Path folder) {
        this.folder = folder;
    }

    /** Stores the stream and holds the stored file for the calling request. */
    public Upload store(InputStream content) throws IOException {
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, "upload", ".tmp");
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(content, sha256);
                 OutputStream out = Files.newOutputStream(temporary)) {
                in.transferTo(out);
            }
            Path stored = folder.resolve(HexFormat.of().formatHex(sha256.digest()) + ".csv").toAbsolutePath();
            synchronized (HELD) {
                boolean created = !Files.exists(stored);
                Files.move(temporary, stored, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                HELD.merge(stored, 1, Integer::sum);
                return new Upload(stored, created);
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Ends the calling request's hold on an upload.
     *
     * @param accepted whether a job was started that names the file
     */
    public static void release(Upload upload, boolean accepted) {
        synchronized (HELD) {
            HELD.computeIfPresent(upload.file(), (file, holders) -> holders == 1 ? null : holders - 1);
            if (accepted) {
                ACCEPTED.add(upload.file());
            } else if (upload.created() && !HELD.containsKey(upload.file()) && !ACCEPTED.contains(upload.file())) {
                try {
                    Files.deleteIfExists(upload.file());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot remove the refused upload " + upload.file().getFileName(), e);
                }
            }
        }
    }
}
