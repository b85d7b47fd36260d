package org.mlplatform.repository;

import java.io.IOException;

/** Produces the files of a version once its number is allocated, so that they can carry it. */
@FunctionalInterface
public interface VersionWriter {

    ModelArtifacts write(int version) throws IOException;
}
