package org.mlplatform.builder.trainings.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Keeps uploaded CSV files under their content hash ({@code <sha256>.csv}), so the same upload is
 * stored once and a job's parameters name exactly the bytes it trains on.
 */
public final class UploadFolder {

    private final Path folder;

    public UploadFolder(Path folder) {
        this.folder = folder;
    }

    /** Stores the stream and returns the stored file. */
    public Path store(InputStream content) throws IOException {
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, "upload", ".tmp");
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(content, sha256);
                 OutputStream out = Files.newOutputStream(temporary)) {
                in.transferTo(out);
            }
            Path stored = folder.resolve(HexFormat.of().formatHex(sha256.digest()) + ".csv");
            Files.move(temporary, stored, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return stored;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
