package org.mlplatform.builder.trainings.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code train-model} executions this server is running, one empty file per execution id in a
 * folder of the server's own ({@code mlplatform.builder.node.dir}, never shared between servers).
 * A job listener adds an execution when it starts and removes it when it ends, however it ends; an
 * execution still listed when the server starts again was cut off by the server dying
 * ({@link InterruptedExecutions}). Several servers may share one job repository: each one only
 * ever sees, and fails, the executions it ran itself.
 */
@ApplicationScoped
public class RunningExecutions {

    @Inject
    @ConfigProperty(name = "mlplatform.builder.node.dir")
    String nodeDirectory;

    public void started(long executionId) {
        try {
            Files.createDirectories(folder());
            Files.write(folder().resolve(Long.toString(executionId)), new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void ended(long executionId) {
        try {
            Files.deleteIfExists(folder().resolve(Long.toString(executionId)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The executions recorded as running, in no particular order. */
    public List<Long> recorded() {
        List<Long> ids = new ArrayList<>();
        if (!Files.isDirectory(folder())) {
            return ids;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder())) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.matches("[0-9]{1,18}")) {
                    ids.add(Long.parseLong(name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }

    private Path folder() {
        return Path.of(nodeDirectory).resolve("running-executions");
    }
}
