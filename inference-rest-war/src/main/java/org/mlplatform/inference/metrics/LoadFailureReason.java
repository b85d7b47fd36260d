package org.mlplatform.inference.metrics;

/**
 * The {@code reason} label of {@code mlplatform_inference_load_failures_total}: a fixed set of
 * values, taken from the failure {@code ModelLoader} reports (its messages start with the cause).
 */
public final class LoadFailureReason {

    public static final String MISSING_FILE = "missing_file";
    public static final String UNREADABLE = "unreadable";
    public static final String UNSUPPORTED_FORMAT = "unsupported_format";
    public static final String CHECKSUM = "checksum";
    public static final String INCOMPATIBLE_GRAPH = "incompatible_graph";
    public static final String ONNX_RUNTIME = "onnx_runtime";
    public static final String WARM_UP = "warm_up";
    public static final String OTHER = "other";

    private LoadFailureReason() {
    }

    public static String of(Throwable failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        if (!(failure instanceof org.mlplatform.inference.models.control.ModelLoadException)) {
            return OTHER;
        }
        if (message.startsWith("missing file")) {
            return MISSING_FILE;
        }
        if (message.startsWith("cannot read")) {
            return UNREADABLE;
        }
        if (message.contains("formatVersion")) {
            return UNSUPPORTED_FORMAT;
        }
        if (message.startsWith("checksum mismatch") || message.contains("onnx.sha256")) {
            return CHECKSUM;
        }
        if (message.startsWith("not servable")) {
            return INCOMPATIBLE_GRAPH;
        }
        if (message.startsWith("ONNX Runtime")) {
            return ONNX_RUNTIME;
        }
        if (message.startsWith("warm-up")) {
            return WARM_UP;
        }
        return OTHER;
    }
}
