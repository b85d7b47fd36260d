package org.mlplatform.inference.predictions.control;

/** Request rows as ONNX Runtime takes them: row-major float32, {@code rows * columns} values used. */
public record FeatureMatrix(float[] values, int rows, int columns) {
}
