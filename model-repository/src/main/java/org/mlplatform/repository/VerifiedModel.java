package org.mlplatform.repository;

import java.nio.file.Path;

/** A version read back whose {@code model.onnx} matches the SHA-256 in its metadata. */
public record VerifiedModel(String model, int version, Path directory, byte[] onnx, ModelMetadata metadata) {
}
