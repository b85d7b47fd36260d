package org.mlplatform.inference.scorings.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartFileTest {

    @TempDir
    Path dir;

    private static void write(PartFile file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        file.write(bytes, bytes.length);
    }

    @Test
    void theFinalNameAppearsOnlyWhenPublishedAndAResumeDropsWhatFollowedTheCheckpoint() throws IOException {
        Path target = dir.resolve("out.csv");
        long checkpoint;
        try (PartFile file = PartFile.create(target)) {
            write(file, "row,label\n1,0\n");
            checkpoint = file.length();
            write(file, "2,1\n"); // after the checkpoint: lost in the crash
        }
        assertFalse(Files.exists(target));
        try (PartFile file = PartFile.resume(target, checkpoint)) {
            write(file, "2,1\n3,0\n");
        }
        assertFalse(Files.exists(target));
        PartFile.publish(target);
        assertEquals("row,label\n1,0\n2,1\n3,0\n", Files.readString(target));
        assertFalse(Files.exists(PartFile.partOf(target)));
    }

    @Test
    void publishingNeverReplacesAnotherFileAndCanBeRunAgain() throws IOException {
        Path target = dir.resolve("out.csv");
        try (PartFile file = PartFile.create(target)) {
            write(file, "row\n1\n");
        }
        Files.createLink(target, PartFile.partOf(target)); // a crash between the link and the removal of the part name
        PartFile.publish(target);
        assertFalse(Files.exists(PartFile.partOf(target)));
        PartFile.publish(target); // a step run again
        assertEquals("row\n1\n", Files.readString(target));

        Path other = dir.resolve("other.csv");
        Files.writeString(other, "someone else's");
        try (PartFile file = PartFile.create(other)) {
            write(file, "row\n");
        }
        assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> PartFile.publish(other));
        assertEquals("someone else's", Files.readString(other));
    }

    @Test
    void aPartFileShorterThanItsCheckpointIsNotResumed() throws IOException {
        Path target = dir.resolve("out.csv");
        try (PartFile file = PartFile.create(target)) {
            write(file, "row\n");
        }
        IOException error = assertThrows(IOException.class, () -> PartFile.resume(target, 100));
        assertTrue(error.getMessage().contains("fewer than the 100"), error.getMessage());
    }
}
