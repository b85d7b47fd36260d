package org.mlplatform.inference.predictions.control;

import java.util.Set;

/**
 * An Open Inference Protocol (KServe V2) infer request reduced to what the service runs: the
 * request id to echo, the feature rows, the outputs the client asked for (empty: all), and which
 * outputs go back as binary data (the binary tensor data extension).
 */
public record OipInferRequest(String id, FeatureMatrix features, Set<String> requestedOutputs, Set<String> binaryOutputs) {

    public boolean wants(String output) {
        return requestedOutputs.isEmpty() || requestedOutputs.contains(output);
    }

    public boolean wantsBinary(String output) {
        return binaryOutputs.contains(output);
    }

    /** Whether the response carries binary data after its JSON (and so needs Inference-Header-Content-Length). */
    public boolean anyBinary() {
        return binaryOutputs.stream().anyMatch(this::wants);
    }
}
