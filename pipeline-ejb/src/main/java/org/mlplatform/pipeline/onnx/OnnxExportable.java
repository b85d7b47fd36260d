package org.mlplatform.pipeline.onnx;

import ai.onnx.proto.OnnxMl.NodeProto;

import java.util.List;

/** A fitted step that writes its own part of the ONNX graph; {@link OnnxExporter} puts the parts together. */
public interface OnnxExportable {

    /**
     * The nodes that read the float tensor {@code input} [N, F] and write {@code label} [N] (int64 or
     * string, as the class labels) and {@code probabilities} float [N, K], using the default and
     * {@value OnnxExporter#ML_DOMAIN} domains at the exporter's opsets.
     */
    List<NodeProto> onnxNodes(String input, String label, String probabilities);

    /** A few words for the graph's {@code doc_string}, e.g. {@code L2 logistic regression}. */
    String onnxDocString();
}
