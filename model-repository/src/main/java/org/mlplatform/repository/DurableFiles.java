package org.mlplatform.repository;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/** File operations that survive a crash: written data is forced to disk before it becomes visible. */
final class DurableFiles {

    /** Names starting with this are unfinished writes (or deletions) that readers ignore. */
    static final String TEMP_PREFIX = ".tmp-";

    private static final boolean DIRECTORIES_CAN_SYNC = FileSystems.getDefault().supportedFileAttributeViews()
            .contains("posix");

    private DurableFiles() {
    }

    /** Writes a new file and forces its content to disk. */
    static void writeNew(Path file, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** Replaces {@code file} so that readers see the old or the new content, never a mix. */
    static void replace(Path file, byte[] content) throws IOException {
        Path temp = file.resolveSibling(TEMP_PREFIX + UUID.randomUUID());
        try {
            writeNew(temp, content);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        syncDirectory(file.getParent());
    }

    /**
     * Makes created, renamed and deleted entries of a folder durable. Only POSIX file systems can
     * open a folder for this; elsewhere (Windows) the rename itself is what the OS guarantees.
     */
    static void syncDirectory(Path directory) throws IOException {
        if (DIRECTORIES_CAN_SYNC) {
            try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
                channel.force(true);
            }
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> entries = Files.walk(path)) {
            for (Path entry : entries.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(entry);
            }
        }
    }
}
