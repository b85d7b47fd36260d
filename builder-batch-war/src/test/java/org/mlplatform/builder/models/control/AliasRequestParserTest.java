package org.mlplatform.builder.models.control;

import org.junit.jupiter.api.Test;
import org.mlplatform.builder.trainings.control.MalformedBodyException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AliasRequestParserTest {

    @Test
    void readsAPositiveIntegerVersion() {
        assertEquals(4, AliasRequestParser.version("{\"version\": 4}"));
        assertEquals(4, AliasRequestParser.version("{\"version\": 4.0}"));
        assertEquals(Integer.MAX_VALUE, AliasRequestParser.version("{\"version\": 2147483647}"));
    }

    @Test
    void refusesFractionsInsteadOfCuttingThem() {
        for (String version : new String[] {"1.5", "4.9", "0.001"}) {
            RegistryException e = assertThrows(RegistryException.class,
                    () -> AliasRequestParser.version("{\"version\": " + version + "}"));
            assertEquals(400, e.status());
            assertEquals("version", e.field());
            assertEquals("version must be an integer, got " + version, e.getMessage());
        }
    }

    @Test
    void refusesVersionsOutOfRangeInsteadOfWrappingThem() {
        for (String version : new String[] {"4294967297", "0", "-1", "1E+400"}) {
            RegistryException e = assertThrows(RegistryException.class,
                    () -> AliasRequestParser.version("{\"version\": " + version + "}"));
            assertEquals(400, e.status(), version);
            assertEquals("version must be from 1 to 2147483647, got " + version, e.getMessage());
        }
        MalformedBodyException unreadable = assertThrows(MalformedBodyException.class,
                () -> AliasRequestParser.version("{\"version\": 1e2147483648}"));
        assertEquals("version", unreadable.field());
    }

    @Test
    void refusesOtherShapesNamingTheMember() {
        assertEquals("version", assertThrows(RegistryException.class,
                () -> AliasRequestParser.version("{\"version\": \"2\"}")).field());
        assertEquals("version", assertThrows(RegistryException.class, () -> AliasRequestParser.version("{}")).field());
        assertEquals("target", assertThrows(RegistryException.class,
                () -> AliasRequestParser.version("{\"version\": 2, \"target\": 3}")).field());
    }

    @Test
    void refusesMalformedBodies() {
        for (String body : new String[] {"{\"version\": ", "{\"version\": 1}{\"version\": 2}", "{\"version\": 1, \"version\": 2}",
                "{\"version\": " + "[".repeat(50_000), "[1]", ""}) {
            assertThrows(MalformedBodyException.class, () -> AliasRequestParser.version(body), body);
        }
    }
}
