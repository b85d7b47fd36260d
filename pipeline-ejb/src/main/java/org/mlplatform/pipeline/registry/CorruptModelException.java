package org.mlplatform.pipeline.registry;

import java.io.IOException;

/** A published version whose files are missing, unreadable or no longer match its metadata. */
public class CorruptModelException extends IOException {

    public CorruptModelException(String message) {
        super(message);
    }

    public CorruptModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
