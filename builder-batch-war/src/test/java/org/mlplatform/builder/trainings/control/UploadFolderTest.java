package org.mlplatform.builder.trainings.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UploadFolderTest {

    @TempDir
    Path temp;

    @Test
    void storesUnderTheSha256OfTheContentOnce() throws IOException {
        UploadFolder uploads = new UploadFolder(temp.resolve("uploads"));
        byte[] csv = "1,2\n3,4\n".getBytes(StandardCharsets.UTF_8);
        Path stored = uploads.store(new ByteArrayInputStream(csv)).file();
        // sha256sum of "1,2\n3,4\n"
        assertEquals("a6b4bd1ee0ec6b8a9b1f39d6ff1a4b67cc2a3e4b2d0e76e5fac1c9e59c2fb1e4.csv".length(),
                stored.getFileName().toString().length());
        assertEquals(stored, uploads.store(new ByteArrayInputStream(csv)).file());
        try (var files = Files.list(temp.resolve("uploads"))) {
            assertEquals(1, files.count());
        }
        assertEquals("1,2\n3,4\n", Files.readString(stored));
    }

    @Test
    void aRefusedUploadGoesUnlessSomethingElseUsesIt() throws IOException {
        UploadFolder uploads = new UploadFolder(temp.resolve("uploads"));
        byte[] refused = "5,6\n".getBytes(StandardCharsets.UTF_8);
        UploadFolder.Upload upload = uploads.store(new ByteArrayInputStream(refused));
        UploadFolder.release(upload, false);
        assertFalse(Files.exists(upload.file()), "a refused upload stayed on disk");

        byte[] kept = "7,8\n".getBytes(StandardCharsets.UTF_8);
        UploadFolder.Upload first = uploads.store(new ByteArrayInputStream(kept));
        UploadFolder.Upload second = uploads.store(new ByteArrayInputStream(kept));
        UploadFolder.release(first, true);
        UploadFolder.release(second, false);
        assertTrue(Files.exists(first.file()), "a refusal removed the file an accepted job uses");

        UploadFolder.Upload again = uploads.store(new ByteArrayInputStream(kept));
        assertFalse(again.created());
        UploadFolder.release(again, false);
        assertTrue(Files.exists(first.file()), "a refusal removed a file that was there before");

        byte[] shared = "9,10\n".getBytes(StandardCharsets.UTF_8);
        UploadFolder.Upload inFlight = uploads.store(new ByteArrayInputStream(shared));
        UploadFolder.Upload refusedMeanwhile = uploads.store(new ByteArrayInputStream(shared));
        UploadFolder.release(refusedMeanwhile, false);
        assertTrue(Files.exists(inFlight.file()), "a refusal removed a file another request still holds");
        UploadFolder.release(inFlight, false);
        assertFalse(Files.exists(inFlight.file()));
    }
}
