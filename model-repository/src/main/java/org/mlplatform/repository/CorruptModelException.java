package org.mlplatform.repository;

import java.io.IOException;

/** A published version whose files are missing, unreadable or no longer match its metadata. */
public class CorruptModelException extends IOException {

    /** What is wrong, for callers that report failures by kind (the inference service's metrics). */
    public enum Defect {
        /** {@code model.onnx} or {@code metadata.json} is absent. */
        MISSING_FILE,
        /** A file is not what the layout says: {@code metadata.json} or {@code aliases.json} is not readable as such. */
        UNREADABLE,
        /** {@code metadata.json} has a {@code formatVersion} higher than this reader knows. */
        UNSUPPORTED_FORMAT,
        /** {@code metadata.json} describes another model or version, or states no SHA-256. */
        INCONSISTENT,
        /** {@code model.onnx} does not have the SHA-256 that {@code metadata.json} records. */
        CHECKSUM
    }

    private final Defect defect;

    public CorruptModelException(Defect defect, String message) {
        super(message);
        this.defect = defect;
    }

    public CorruptModelException(Defect defect, String message, Throwable cause) {
        super(message, cause);
        this.defect = defect;
    }

    public Defect defect() {
        return defect;
    }
}
