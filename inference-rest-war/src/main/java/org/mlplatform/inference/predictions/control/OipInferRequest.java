package org.mlplatform.inference.predictions.control;

import java.util.Set;

/**
 * An Open Inference Protocol (KServe V2) infer request reduced to what the service runs: the
 * request id to echo, the feature rows, and the outputs the client asked for (empty: all).
 */
public record OipInferRequest(String id, FeatureMatrix features, Set<String> requestedOutputs) {

    public boolean wants(String output) {
        return requestedOutputs.isEmpty() || requestedOutputs.contains(output);
    }
}
