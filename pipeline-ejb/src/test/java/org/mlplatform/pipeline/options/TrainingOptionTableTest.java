package org.mlplatform.pipeline.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's table of training options is this module's {@link TrainingOption} table, written out:
 * a changed option, default or rule fails this test until the README says the same (the failure
 * prints the table to paste).
 */
class TrainingOptionTableTest {

    static final String BEGIN = "<!-- training options: generated from TrainingOption, checked by TrainingOptionTableTest -->";
    static final String END = "<!-- end of training options -->";

    static String markdown() {
        String header = """
                | Option (JSON member, job property) | CLI flag | Default | Values | Record | Meaning |
                | --- | --- | --- | --- | --- | --- |
                """;
        return header + Arrays.stream(TrainingOption.values()).map(option -> "| `" + option.key() + "` | `"
                        + option.cliFlag() + "` | " + defaultOf(option) + " | " + option.rule().describe() + " | `"
                        + option.group().record() + "` | " + option.meaning() + " |")
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static String defaultOf(TrainingOption option) {
        if (option.defaultText() != null) {
            return "`" + option.defaultText() + "`";
        }
        return option.required() ? "(required)" : "";
    }

    @Test
    void theReadmeListsTheOptionsAsTheTableDefinesThem() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "README.md has no section between " + BEGIN + " and " + END);
        String documented = readme.substring(begin + BEGIN.length(), end).strip() + "\n";
        assertEquals(markdown(), documented, "README.md's option table differs from TrainingOption; paste:\n" + markdown());
    }
}
