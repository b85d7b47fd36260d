package org.mlplatform.builder.trainings.control;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataFolderTest {

    @TempDir
    Path temp;

    Path root;
    Path outsideFile;
    DataFolder folder;

    @BeforeEach
    void layOut() throws IOException {
        root = Files.createDirectories(temp.resolve("data"));
        Files.createDirectories(root.resolve("sets"));
        Files.writeString(root.resolve("sets/train.csv"), "1,2\n");
        outsideFile = Files.writeString(temp.resolve("secret.csv"), "3,4\n");
        folder = new DataFolder(root);
    }

    @Test
    void resolvesRelativePathInside() throws IOException {
        assertEquals(root.resolve("sets/train.csv").toRealPath(), folder.resolve("trainData", "sets/train.csv"));
    }

    @Test
    void acceptsAbsolutePathInside() throws IOException {
        String absolute = root.resolve("sets/train.csv").toString();
        assertEquals(root.resolve("sets/train.csv").toRealPath(), folder.resolve("trainData", absolute));
    }

    @Test
    void acceptsDotDotThatStaysInside() throws IOException {
        assertEquals(root.resolve("sets/train.csv").toRealPath(), folder.resolve("trainData", "sets/../sets/train.csv"));
    }

    @Test
    void refusesDotDotOutOfTheFolder() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> folder.resolve("trainLabels", "../secret.csv"));
        assertEquals("trainLabels", e.field());
        assertTrue(e.getMessage().contains("outside the data folder"), e.getMessage());
    }

    @Test
    void refusesAbsolutePathOutside() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> folder.resolve("testData", outsideFile.toString()));
        assertEquals("testData", e.field());
        assertTrue(e.getMessage().contains("outside the data folder"), e.getMessage());
    }

    @Test
    void refusesSymlinkPointingOutside() throws IOException {
        Files.createSymbolicLink(root.resolve("link.csv"), outsideFile);
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> folder.resolve("trainData", "link.csv"));
        assertTrue(e.getMessage().contains("outside the data folder"), e.getMessage());
    }

    @Test
    void refusesFileUnderSymlinkedFolderPointingOutside() throws IOException {
        Files.createSymbolicLink(root.resolve("elsewhere"), temp);
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> folder.resolve("trainData", "elsewhere/secret.csv"));
        assertTrue(e.getMessage().contains("outside the data folder"), e.getMessage());
    }

    @Test
    void followsSymlinkThatStaysInside() throws IOException {
        Files.createSymbolicLink(root.resolve("alias.csv"), root.resolve("sets/train.csv"));
        assertEquals(root.resolve("sets/train.csv").toRealPath(), folder.resolve("trainData", "alias.csv"));
    }

    @Test
    void worksWhenTheDataFolderItselfIsASymlink() throws IOException {
        Path linkedRoot = Files.createSymbolicLink(temp.resolve("data-link"), root);
        assertEquals(root.resolve("sets/train.csv").toRealPath(),
                new DataFolder(linkedRoot).resolve("trainData", "sets/train.csv"));
    }

    @Test
    void refusesMissingFile() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> folder.resolve("trainData", "sets/missing.csv"));
        assertEquals("trainData", e.field());
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void refusesAFolder() {
        assertThrows(InvalidRequestException.class, () -> folder.resolve("trainData", "sets"));
    }

    @Test
    void relativizesStoredFiles() {
        assertEquals("uploads/abc.csv", folder.relativize(root.resolve("uploads/abc.csv")));
    }
}
