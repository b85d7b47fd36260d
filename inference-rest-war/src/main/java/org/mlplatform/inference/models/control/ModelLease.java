package org.mlplatform.inference.models.control;

/** One request's hold on a loaded version; closing it lets a retired version's session close. */
public final class ModelLease implements AutoCloseable {

    private final LoadedVersion version;
    private boolean released;

    ModelLease(LoadedVersion version) {
        this.version = version;
    }

    public LoadedVersion version() {
        return version;
    }

    @Override
    public void close() {
        if (!released) {
            released = true;
            version.release();
        }
    }
}
