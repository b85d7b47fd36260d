package org.mlplatform.builder.models.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ModelFolderCheckTest {

    @Test
    void aFailureMessageNamesTheSettingNotTheAbsolutePath() {
        Path folder = Path.of("/srv/secret/models");
        String message = ModelFolderCheck.relative("/srv/secret/models/.health123.tmp: Permission denied", folder);
        assertEquals("<mlplatform.models.dir>/.health123.tmp: Permission denied", message);
        assertFalse(message.contains("/srv/secret"));
    }
}
