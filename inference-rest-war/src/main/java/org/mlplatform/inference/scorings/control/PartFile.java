package org.mlplatform.inference.scorings.control;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * An output file written under a temporary name beside its final one ({@code .<name>.part}) and
 * renamed into place only when complete, so a reader never sees a partial file under the final
 * name. Appends only; resumes at a checkpointed length, dropping what was written after it.
 */
public class PartFile implements Closeable {

    private final Path target;
    private final Path part;
    private final FileChannel channel;

    private PartFile(Path target, Path part, FileChannel channel) {
        this.target = target;
        this.part = part;
        this.channel = channel;
    }

    public static Path partOf(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".part");
    }

    /** Starts the file anew (an existing part file is emptied). */
    public static PartFile create(Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path part = partOf(target);
        return new PartFile(target, part, FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING));
    }

    /** Reopens the part file at a checkpointed length; bytes written after the checkpoint are dropped. */
    public static PartFile resume(Path target, long length) throws IOException {
        Path part = partOf(target);
        if (!Files.isRegularFile(part)) {
            throw new IOException("cannot resume: the partial output " + part.getFileName() + " is gone");
        }
        FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE);
        long size = channel.size();
        if (size < length) {
            channel.close();
            throw new IOException("cannot resume: the partial output " + part.getFileName() + " has " + size
                    + " bytes, fewer than the " + length + " the checkpoint recorded");
        }
        channel.truncate(length);
        channel.position(length);
        return new PartFile(target, part, channel);
    }

    public void write(byte[] bytes, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    public long length() throws IOException {
        return channel.position();
    }

    /** Forces the written bytes to disk (before a checkpoint records the length). */
    public void force() throws IOException {
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /**
     * Gives a finished part file its final name, atomically and without replacing a file of that
     * name (a hard link, then the part name is removed; a rename where links are not supported),
     * then forces the folder. Run again after a crash in between, it only removes the part name.
     *
     * @throws FileAlreadyExistsException when another file has the final name
     */
    public static void publish(Path target) throws IOException {
        Path part = partOf(target);
        if (!Files.exists(part)) {
            if (Files.exists(target)) {
                return;
            }
            throw new NoSuchFileException(part.toString(), null, "nothing to publish");
        }
        if (Files.exists(target)) {
            if (!Files.isSameFile(part, target)) {
                throw new FileAlreadyExistsException(target.toString(), null, "the output exists already; it is not replaced");
            }
        } else {
            try {
                Files.createLink(target, part);
            } catch (UnsupportedOperationException | FileSystemException e) {
                if (e instanceof FileAlreadyExistsException exists) {
                    throw exists;
                }
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        Files.deleteIfExists(part);
        try (FileChannel folder = FileChannel.open(target.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException e) {
            // Not every file system lets a folder be opened and forced; the output is in place.
        }
    }

    public Path target() {
        return target;
    }

    public Path part() {
        return part;
    }
}
