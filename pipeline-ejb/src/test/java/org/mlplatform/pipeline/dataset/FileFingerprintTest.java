package org.mlplatform.pipeline.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileFingerprintTest {

    @Test
    void isTheSha256OfTheFileBytes(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("abc.csv"), "abc");

        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", FileFingerprint.sha256(file));
    }
}
