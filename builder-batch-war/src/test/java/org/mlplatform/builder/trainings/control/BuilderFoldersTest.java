package org.mlplatform.builder.trainings.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BuilderFoldersTest {

    @TempDir
    Path root;

    @Test
    void messagesLoseTheFoldersAbsolutePaths() {
        BuilderFolders folders = new BuilderFolders();
        folders.modelsDirectory = root.resolve("models").toString();
        folders.dataDirectory = root.resolve("models/data").toString();
        folders.workDirectory = root.resolve("work").toString();
        String data = root.resolve("models/data").toAbsolutePath().toString();

        assertEquals("a/train.csv line 3: bad, <models>/default/1, <work>/7/model.json",
                folders.withoutAbsolutePaths(data + "/a/train.csv line 3: bad, " + root.resolve("models/default/1")
                        + ", " + root.resolve("work/7/model.json")));
        assertEquals("the data folder <data> is not readable",
                folders.withoutAbsolutePaths("the data folder " + data + " is not readable"));
        assertEquals("<models>/database/x.csv", folders.withoutAbsolutePaths(data + "base/x.csv"),
                "a longer folder name is not the data folder");
    }
}
