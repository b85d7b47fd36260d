package org.mlplatform.inference.cards.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlplatform.inference.cards.control.CardFixtures.count;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class CardPageTest {

    private static final Instant LOADED = Instant.parse("2026-12-01T21:00:00Z");

    @Test
    void aTrainedMultinomialVersionHasEveryPlot() {
        String page = CardPage.render(CardFixtures.multinomial(), List.of("production"), "0a0a", LOADED);
        assertEquals(9, count(page, "<rect class=\"cell\""), "3 x 3 confusion matrix");
        assertTrue(page.contains("Test set, 30 rows"), "the test set's matrix when there is one");
        assertEquals(3, count(page, "<path class=\"roc-curve\""), "one ROC curve per class");
        assertEquals(12, count(page, "<rect class=\"coefficient-bar\""), "4 features x 3 classes");
        assertEquals(4, count(page, "<input type=\"number\""), "one input per feature");
        assertTrue(page.contains("value=\"5.8400\""), "inputs start at the training mean");
        assertEquals(3, count(page, "<meter "), "one probability per class");
        assertTrue(page.contains("data-url=\"/api/models/iris/versions/3/drift\""), page);
        assertTrue(page.contains("data-url=\"/api/models/iris/predict?version=3\""), page);
        assertTrue(page.contains("<span class=\"badge\">production</span>"), page);
    }

    @Test
    void userDataNeverBecomesMarkup() {
        String page = CardPage.render(CardFixtures.multinomial(), List.of(), "0a0a", LOADED);
        assertEquals(1, count(page, "<script"), "only the page's own script: " + page);
        assertEquals(0, count(page, "<b>"), "a class label '<b>virginica</b>' is text");
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the hostile feature name is shown as text");
        assertTrue(page.contains("&lt;b&gt;virginica&lt;/b&gt;"));
    }

    @Test
    void theContentSecurityPolicyAllowsExactlyThePagesOwnScriptAndStyle() throws Exception {
        String page = CardPage.render(CardFixtures.multinomial(), List.of(), "0a0a", LOADED);
        String script = page.substring(page.indexOf("<script>") + 8, page.indexOf("</script>"));
        String style = page.substring(page.indexOf("<style>") + 7, page.indexOf("</style>"));
        assertTrue(PageLayout.CONTENT_SECURITY_POLICY.contains("script-src '" + sha256(script) + "'"), PageLayout.CONTENT_SECURITY_POLICY);
        assertTrue(PageLayout.CONTENT_SECURITY_POLICY.contains("style-src '" + sha256(style) + "'"), PageLayout.CONTENT_SECURITY_POLICY);
        assertEquals(0, count(page, " style=\""), "no style attributes: the policy would block them");
    }

    @Test
    void anImportedVersionSaysWhatItDoesNotHave() {
        String page = CardPage.render(CardFixtures.imported(), List.of(), "0b0b", LOADED);
        assertEquals(0, count(page, "<rect class=\"cell\""));
        assertEquals(0, count(page, "<path class=\"roc-curve\""));
        assertEquals(0, count(page, "<rect class=\"coefficient-bar\""));
        assertTrue(page.contains("No ROC curves stored for this version"), page);
        assertTrue(page.contains("No coefficients: this version was imported"), page);
        assertTrue(page.contains("Not known: this version was imported"), page);
        assertEquals(3, count(page, "<input type=\"number\""), "it can still be tried");
    }

    @Test
    void aFormatOneVersionShowsTheSummedFoldsAndTopLevelCoefficients() {
        String page = CardPage.render(CardFixtures.formatOneBinary(), List.of(), "0c0c", LOADED);
        assertEquals(4, count(page, "<rect class=\"cell\""));
        assertTrue(page.contains("Sum of the 2 cross-validation folds"), page);
        assertTrue(page.contains(">41</text>") && page.contains(">9</text>") && page.contains(">11</text>") && page.contains(">39</text>"),
                "20+21, 5+4, 5+6, 20+19: " + page);
        assertEquals(2, count(page, "<rect class=\"coefficient-bar\""), "one row of 2 weights, from the top level");
        assertTrue(page.contains("logit of class 1"), page);
        assertEquals(0, count(page, "<path class=\"roc-curve\""));
    }

    private static String sha256(String text) throws Exception {
        return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
