package org.mlplatform.inference.scorings.control;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
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

    /** Renames a finished part file to its final name (atomically where the file system can) and forces the folder. */
    public static void publish(Path target) throws IOException {
        Path part = partOf(target);
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
        try (FileChannel folder = FileChannel.open(target.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException e) {
            // Not every file system lets a folder be opened and forced; the rename has happened.
        }
    }

    public Path target() {
        return target;
    }

    public Path part() {
        return part;
    }
}
