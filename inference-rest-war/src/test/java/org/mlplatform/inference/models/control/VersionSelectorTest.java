package org.mlplatform.inference.models.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class VersionSelectorTest {

    private final TreeSet<Integer> loaded = new TreeSet<>(java.util.List.of(1, 2, 4));
    private final Map<String, Integer> aliases = Map.of("production", 2, "canary", 3);

    @Test
    void noVersionMeansTheLatestLoaded() {
        assertEquals(Optional.of(4), VersionSelector.parse(null).resolve(loaded, aliases));
        assertEquals(Optional.of(4), VersionSelector.parse(" ").resolve(loaded, aliases));
    }

    @Test
    void aNumberSelectsThatVersionOnlyWhenLoaded() {
        assertEquals(Optional.of(1), VersionSelector.parse("1").resolve(loaded, aliases));
        assertEquals(Optional.empty(), VersionSelector.parse("3").resolve(loaded, aliases));
    }

    @Test
    void anAliasSelectsItsTargetWhenLoaded() {
        assertEquals(Optional.of(2), VersionSelector.parse("production").resolve(loaded, aliases));
        assertEquals(Optional.empty(), VersionSelector.parse("canary").resolve(loaded, aliases));
        assertEquals(Optional.empty(), VersionSelector.parse("staging").resolve(loaded, aliases));
    }

    @Test
    void nothingLoadedResolvesToNothing() {
        assertEquals(Optional.empty(), VersionSelector.LATEST.resolve(new TreeSet<>(), aliases));
    }

    @Test
    void rejectsZeroNegativeAndGarbage() {
        assertThrows(IllegalArgumentException.class, () -> VersionSelector.parse("0"));
        assertThrows(IllegalArgumentException.class, () -> VersionSelector.parse("-1"));
        assertThrows(IllegalArgumentException.class, () -> VersionSelector.parse("1.5"));
        assertThrows(IllegalArgumentException.class, () -> VersionSelector.parse("../x"));
    }
}
