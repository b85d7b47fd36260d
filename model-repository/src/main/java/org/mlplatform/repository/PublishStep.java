package org.mlplatform.repository;

import java.io.IOException;

/** The points of a publish at which a crash is survivable; tests inject failures there. */
enum PublishStep {
    TEMP_DIRECTORY_CREATED,
    MODEL_WRITTEN,
    METADATA_WRITTEN,
    SYNCED,
    BEFORE_MOVE,
    /** The version is visible; the high-water mark is not yet recorded. */
    MOVED;

    @FunctionalInterface
    interface Listener {
        Listener NONE = step -> { };

        void reached(PublishStep step) throws IOException;
    }
}
