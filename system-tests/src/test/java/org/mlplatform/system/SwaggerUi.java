package org.mlplatform.system;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import com.microsoft.playwright.options.WaitForSelectorState;

/**
 * Swagger UI at /api-docs as a user works it: pick a document in the top bar, expand an operation,
 * "Try it out", "Execute", read the status code of the live response; "Authorize" with a user.
 * Nothing is typed into an operation: every value is the document's example or default.
 */
final class SwaggerUi {

    /** An operation as the page lists it; {@code secured} is the padlock next to it. */
    record Operation(String method, String path, boolean secured) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** The live response of one "Execute". */
    record Response(int status, String body) {
    }

    private static final double EXECUTE_TIMEOUT_MS = 90_000;

    private final Page page;
    private final Path screenshots;

    SwaggerUi(Page page, Path screenshots) {
        this.page = page;
        this.screenshots = screenshots;
    }

    void open(String url) {
        page.navigate(url);
        page.locator(".opblock").first().waitFor();
    }

    /** Selects a document in "Select a definition" and waits for its title. */
    void selectDocument(String name, String title) {
        page.selectOption(".download-url-wrapper select", new SelectOption().setLabel(name));
        page.locator(".information-container .title").filter(new Locator.FilterOptions().setHasText(title)).waitFor();
        page.locator(".opblock").first().waitFor();
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        Locator blocks = page.locator(".opblock");
        for (int i = 0; i < blocks.count(); i++) {
            Locator block = blocks.nth(i);
            operations.add(new Operation(block.locator(".opblock-summary-method").innerText().trim(),
                    block.locator(".opblock-summary-path").getAttribute("data-path"),
                    block.locator(".opblock-summary .authorization__btn").count() > 0));
        }
        return operations;
    }

    /** Expands the operation and clicks "Try it out", clearing an earlier response: ready to execute. */
    void prepare(Operation operation) {
        Locator block = block(operation);
        if (!block.getAttribute("class").contains("is-open")) {
            block.locator(".opblock-summary-control").click();
        }
        // "Try it out", or "Cancel" (and "Reset") when it already is
        block.locator(".try-out__btn").first().waitFor();
        Locator tryOut = block.locator(".try-out__btn").filter(new Locator.FilterOptions().setHasText("Try it out"));
        if (tryOut.count() > 0) {
            tryOut.click();
        }
        Locator clear = block.locator("button.btn-clear");
        if (clear.count() > 0) {
            clear.click();
        }
        block.locator("button.execute").waitFor();
    }

    /**
     * As {@link #prepare(Operation)}, then picks another media type of the request body and either one
     * of its examples from "Examples" or, for a multipart body, the file of its file field.
     */
    void prepare(Operation operation, String mediaType, String example, Path file) {
        prepare(operation);
        Locator body = block(operation).locator(".opblock-section-request-body");
        body.locator("select.content-type").selectOption(mediaType);
        if (example != null) {
            body.locator(".examples-select select").selectOption(example);
        }
        if (file != null) {
            body.locator("input[type=file]").setInputFiles(file);
        }
    }

    /** "Execute" on a prepared operation; the status and body of the live response. */
    Response execute(Operation operation) {
        Locator block = block(operation);
        block.locator("button.execute").click();
        Locator status = block.locator(".live-responses-table tbody .response-col_status").first();
        try {
            status.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE).setTimeout(EXECUTE_TIMEOUT_MS));
        } catch (RuntimeException e) {
            return new Response(-1, "no response shown: " + block.locator(".responses-wrapper").innerText());
        }
        String code = status.innerText().trim().split("\\s+")[0];
        Locator body = block.locator(".live-responses-table .response-col_description pre");
        String text = body.count() > 0 ? body.first().innerText() : "";
        int parsed;
        try {
            parsed = Integer.parseInt(code);
        } catch (NumberFormatException e) {
            parsed = -1;
        }
        return new Response(parsed, text);
    }

    void collapse(Operation operation) {
        Locator block = block(operation);
        if (block.getAttribute("class").contains("is-open")) {
            block.locator(".opblock-summary-control").click();
        }
    }

    /** "Authorize": the HTTP Basic scheme's user and password, then "Close". True when the padlock shows locked. */
    boolean authorize(String user, String password) {
        page.locator(".auth-wrapper button.authorize").click();
        Locator modal = page.locator(".modal-ux");
        modal.waitFor();
        modal.locator("input[type=text]").fill(user);
        modal.locator("input[type=password]").fill(password);
        modal.locator(".auth-btn-wrapper button.authorize").click();
        modal.locator(".auth-btn-wrapper button.btn-done").click();
        modal.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
        return authorized();
    }

    boolean authorized() {
        String classes = page.locator(".auth-wrapper button.authorize").getAttribute("class");
        return classes.contains("locked") && !classes.contains("unlocked");
    }

    private Locator block(Operation operation) {
        return page.locator(".opblock.opblock-" + operation.method().toLowerCase())
                .filter(new Locator.FilterOptions().setHas(page.locator(".opblock-summary-path[data-path=\"" + operation.path() + "\"]")));
    }

    /** The whole page as target/screenshots/<name>.png, for a click that did not answer as documented. */
    void screenshot(String name) {
        name = name.replaceAll("[^A-Za-z0-9]+", "_") + ".png";
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve(name)).setFullPage(true));
    }
}
