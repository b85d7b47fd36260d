package org.mlplatform.inference.scorings.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stores an uploaded input CSV in the data folder as {@code uploads/<sha256>.csv} (streamed, never
 * held in memory; the same bytes uploaded twice are one file), and returns its path relative to the folder.
 */
public final class ScoringUploads {

    private ScoringUploads() {
    }

    public static String store(Path dataDir, InputStream content) throws IOException {
        Path uploads = dataDir.resolve("uploads");
        Files.createDirectories(uploads);
        Path temp = Files.createTempFile(uploads, ".upload-", ".part");
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha256)) {
                content.transferTo(out);
            }
            String name = HexFormat.of().formatHex(sha256.digest()) + ".csv";
            Files.move(temp, uploads.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return "uploads/" + name;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
