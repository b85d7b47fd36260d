package org.mlplatform.repository;

import java.util.Objects;

/** The two files of a version: {@code model.onnx} and (serialised) {@code metadata.json}. */
public record ModelArtifacts(byte[] onnx, ModelMetadata metadata) {

    public ModelArtifacts {
        Objects.requireNonNull(onnx, "onnx");
        Objects.requireNonNull(metadata, "metadata");
    }
}
