package org.mlplatform.repository;

import java.nio.file.Path;

/** A version that is now visible in the repository. */
public record PublishedVersion(String model, int version, Path directory, ModelMetadata metadata) {
}
