package org.mlplatform.inference.scorings.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputRowCounterTest {

    @TempDir
    Path dir;

    private Path input() throws IOException {
        Path file = dir.resolve("in.csv");
        Files.writeString(file, "\uFEFFa,b\r\n1,2\r\n\r\n3,x\n \t\n5,6", StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void savesTheRowsAReaderHandsOut() throws IOException {
        List<Long> saved = new ArrayList<>();
        InputRowCounter counter = InputRowCounter.start(Runnable::run, input(), "in.csv", saved::add);
        assertEquals(List.of(3L), saved, "the header and blank lines are not rows; a bad row is");
        assertTrue(counter.stop(), "stop says the count was saved");
        assertEquals(List.of(3L), saved);
    }

    @Test
    void aCounterStoppedBeforeItEndsSavesNothing() throws IOException {
        List<Runnable> queued = new ArrayList<>();
        List<Long> saved = new ArrayList<>();
        InputRowCounter counter = InputRowCounter.start(queued::add, input(), "in.csv", saved::add);
        assertFalse(counter.stop(), "nothing saved yet: the reader saves the total itself");
        queued.forEach(Runnable::run);
        assertEquals(List.of(), saved);
    }

    @Test
    void aFileThatCannotBeReadIsNotCountedAndFailsNothing() {
        List<Long> saved = new ArrayList<>();
        InputRowCounter counter = InputRowCounter.start(Runnable::run, dir.resolve("missing.csv"), "missing.csv", saved::add);
        assertEquals(List.of(), saved);
        assertFalse(counter.stop());
    }
}
