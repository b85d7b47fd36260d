package org.mlplatform.inference.cards.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlplatform.inference.cards.control.CardFixtures.count;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.mlplatform.repository.ModelMetadata;

class LandingPageTest {

    @Test
    void listsEveryVersionAliasAndFailureWithLinks() {
        TreeMap<Integer, ModelMetadata> versions = new TreeMap<>(Map.of(1, CardFixtures.formatOneBinary(), 3, CardFixtures.multinomial()));
        TreeMap<Integer, String> failures = new TreeMap<>(Map.of(2, "checksum <mismatch>"));
        String page = LandingPage.render(List.of(new LandingPage.Model("iris", versions, Map.of("production", 3), failures)));
        assertEquals(2, count(page, "class=\"card-link\""));
        assertTrue(page.contains("href=\"/api/models/iris/versions/1/card\""), page);
        assertTrue(page.contains("href=\"/api/models/iris/versions/3/card\""), page);
        assertTrue(page.contains("href=\"/api/models/iris/versions/production/card\""), page);
        assertTrue(page.contains("not served: checksum &lt;mismatch&gt;"), page);
        assertTrue(page.contains("href=\"/api-docs/\"") && page.contains("href=\"/openapi\"") && page.contains("href=\"/api/models\""), page);
        assertEquals(0, count(page, "<script"), "the landing page runs no script");
    }

    @Test
    void saysSoWhenNothingIsServed() {
        assertTrue(LandingPage.render(List.of()).contains("Nothing is served yet"));
    }
}
