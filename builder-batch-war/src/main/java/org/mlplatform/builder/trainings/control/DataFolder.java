package org.mlplatform.builder.trainings.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The folder that training data must live in. A path from a request is resolved against it and
 * refused when it leaves it: by {@code ..}, as an absolute path elsewhere, or through a symbolic link.
 */
public final class DataFolder {

    private final Path root;

    public DataFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /**
     * The real path of an existing regular file inside the folder.
     *
     * @param field the request field, named in the error
     * @param given a path relative to the folder, or an absolute path inside it
     */
    public Path resolve(String field, String given) {
        Path candidate;
        try {
            candidate = root.resolve(given).normalize();
        } catch (InvalidPathException e) {
            throw new InvalidRequestException(field, "not a valid path: " + given);
        }
        if (!candidate.startsWith(root)) {
            throw outside(field, given);
        }
        if (!Files.isRegularFile(candidate)) {
            throw new InvalidRequestException(field, "no such file in the data folder: " + given);
        }
        try {
            if (!candidate.toRealPath().startsWith(realRoot())) {
                throw outside(field, given);
            }
            return candidate.toRealPath();
        } catch (IOException e) {
            // the exception's message holds the absolute path; the client knows the path it gave
            throw new InvalidRequestException(field, "cannot read " + given + " in the data folder");
        }
    }

    /** A path inside the folder as requests name it: relative, with forward slashes. */
    public String relativize(Path inside) {
        return root.relativize(inside.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private Path realRoot() {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("the data folder " + root + " is not readable", e);
        }
    }

    private static InvalidRequestException outside(String field, String given) {
        return new InvalidRequestException(field, "the path " + given + " is outside the data folder");
    }
}
