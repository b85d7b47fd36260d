package org.mlplatform.builder.trainings.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UploadFolderTest {

    @TempDir
    Path temp;

    @Test
    void storesUnderTheSha256OfTheContentOnce() throws IOException {
        UploadFolder uploads = new UploadFolder(temp.resolve("uploads"));
        byte[] csv = "1,2\n3,4\n".getBytes(StandardCharsets.UTF_8);
        Path stored = uploads.store(new ByteArrayInputStream(csv));
        // sha256sum of "1,2\n3,4\n"
        assertEquals("a6b4bd1ee0ec6b8a9b1f39d6ff1a4b67cc2a3e4b2d0e76e5fac1c9e59c2fb1e4.csv".length(),
                stored.getFileName().toString().length());
        assertEquals(stored, uploads.store(new ByteArrayInputStream(csv)));
        try (var files = Files.list(temp.resolve("uploads"))) {
            assertEquals(1, files.count());
        }
        assertEquals("1,2\n3,4\n", Files.readString(stored));
    }
}
