package org.mlplatform.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.AriaRole;

/**
 * WildFly's admin console (HAL) as a user works its batch pages: the top-level "Runtime" tab, the
 * server, "Batch" in the Monitor column, then a job of the Job column (its name over its deployment)
 * with the item actions "View" (the executions list) and, in the item's drop-down, "Start" (a dialog
 * taking job properties as {@code key=value} tags, each added with Enter).
 */
final class HalConsole {

    /**
     * Records the text of every notification (toast) HAL shows in {@code window.halNotifications}: HAL
     * removes a toast after a few seconds, and shows the next one beside those still on screen.
     */
    private static final String RECORD_NOTIFICATIONS = """
            () => {
              if (window.halNotifications) return;
              window.halNotifications = new Set();
              const record = () => document.querySelectorAll('.toast-notifications-list-pf .alert')
                  .forEach(toast => window.halNotifications.add(toast.innerText.replace(/\\s+/g, ' ').trim()));
              new MutationObserver(record).observe(document.body, {childList: true, subtree: true, characterData: true});
            }""";
    /** The recorded notification that the job started as the execution, if there is one. */
    private static final String STARTED_NOTIFICATION = """
            ({job, id}) => [...(window.halNotifications || [])].find(text => text.includes('Job ' + job)
                && new RegExp('started with execution ID ' + id + '\\\\b').test(text))""";
    private static final double NOTIFICATION_TIMEOUT_MS = 30_000;
    /** The executions view's place in HAL's URL, e.g. {@code #job-runtime;deployment=x.war;name=score-file} */
    private static final Pattern EXECUTIONS_VIEW = Pattern.compile("#job-runtime;");
    private static final double VIEW_TIMEOUT_MS = 60_000;
    private static final double JOB_TIMEOUT_MS = 180_000;
    private static final double RETRY_AFTER_MS = 10_000;

    private final Page page;
    private final Path screenshots;

    HalConsole(Page page, Path screenshots) {
        this.page = page;
        this.screenshots = screenshots;
    }

    /**
     * Opens the console and waits for the top-level tabs: the browser context holds the management user.
     * From then on, HAL's notifications are recorded in the page.
     */
    void open(String url) {
        page.navigate(url);
        tab("Runtime").waitFor();
        page.evaluate(RECORD_NOTIFICATIONS);
    }

    /** Runtime → the (only) server → Batch: the Job column lists every deployment's jobs. */
    void openBatchJobs() {
        tab("Runtime").click();
        column("Server").locator(".finder-item").first().click();
        column("Monitor").locator(".finder-item").filter(new Locator.FilterOptions().setHasText("Batch")).click();
        column("Job").waitFor();
    }

    /** The server as the Server column names it (the machine's host name, e.g. localhost). */
    String serverName() {
        return column("Server").locator(".finder-item").first().getAttribute("data-breadcrumb");
    }

    /**
     * The job's "Start" item action: fills the dialog's properties as key=value tags and clicks "Start".
     * The dialog is captured as {@code <screenshot>.png} before the click. HAL answers with a notification
     * naming the new execution ({@link #startedNotification}).
     */
    void startJob(String job, String deployment, Map<String, String> properties, String screenshot) {
        Locator item = job(job, deployment);
        Locator dialog = page.locator(".modal-dialog").filter(new Locator.FilterOptions().setHasText("Start Job"));
        retried(() -> {
            item.click(new Locator.ClickOptions().setTimeout(RETRY_AFTER_MS));
            item.locator("button.dropdown-toggle").click(new Locator.ClickOptions().setTimeout(RETRY_AFTER_MS));
            item.getByText("Start", new Locator.GetByTextOptions().setExact(true)).click(new Locator.ClickOptions().setTimeout(RETRY_AFTER_MS));
            dialog.waitFor(new Locator.WaitForOptions().setTimeout(RETRY_AFTER_MS));
        });
        Locator tags = dialog.getByLabel("Properties");
        properties.forEach((key, value) -> {
            tags.fill(key + "=" + value);
            tags.press("Enter");
            dialog.locator(".tm-tag").filter(new Locator.FilterOptions().setHasText(key + "=" + value)).waitFor();
        });
        screenshot(screenshot);
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start").setExact(true)).click();
    }

    /**
     * The notification in which HAL said that the job started as this execution, e.g. "Job
     * train-model.xml successfully started with execution ID 7.", whether or not it is still on screen.
     * An earlier start's notification may still be shown next to it, so the id, known from the job
     * repository, picks the one.
     */
    String startedNotification(String job, long id) {
        try {
            return (String) page.waitForFunction(STARTED_NOTIFICATION, Map.of("job", job, "id", Long.toString(id)),
                    new Page.WaitForFunctionOptions().setTimeout(NOTIFICATION_TIMEOUT_MS)).jsonValue();
        } catch (TimeoutError notShown) {
            throw new AssertionError("HAL did not notify that " + job + " started as execution " + id
                    + "; its notifications: " + page.evaluate("() => [...(window.halNotifications || [])]"), notShown);
        }
    }

    /**
     * The job's "View" item action: the executions list. The click is done again only while HAL has not
     * gone to the view (the item replaced under the click); once there, HAL reads the executions before
     * it shows the list or "No Executions", which takes long on a busy server.
     */
    void viewJob(String job, String deployment) {
        Locator item = job(job, deployment);
        retried(() -> {
            item.click(new Locator.ClickOptions().setTimeout(RETRY_AFTER_MS));
            item.getByText("View", new Locator.GetByTextOptions().setExact(true)).click(new Locator.ClickOptions().setTimeout(RETRY_AFTER_MS));
            page.waitForURL(EXECUTIONS_VIEW, new Page.WaitForURLOptions().setTimeout(RETRY_AFTER_MS));
        });
        // Both are in the page, hidden or not, and for a moment both shown
        refresh().or(noExecutions()).locator("visible=true").first().waitFor(new Locator.WaitForOptions().setTimeout(VIEW_TIMEOUT_MS));
    }

    /**
     * The Job column reloads its items now and then (after "Back", when a job's running executions end):
     * a click on an item that has just been replaced, or a drop-down closed by the reload, is done again.
     */
    private static void retried(Runnable clicks) {
        for (int attempt = 1; ; attempt++) {
            try {
                clicks.run();
                return;
            } catch (PlaywrightException replaced) {
                if (attempt == 3) {
                    throw replaced;
                }
                String message = replaced.getMessage().replaceAll("\\s+", " ");
                System.out.println("HAL: clicking again after " + message.substring(Math.max(0, message.indexOf("Call log:"))));
            }
        }
    }

    /**
     * Back from the executions list (the breadcrumb's "Back") to the columns Server, Monitor, Job. HAL
     * rebuilds them on the way (for a moment: Monitor, Job, then a new Server column); a click on a job
     * before that ends would hit an item that is about to be replaced.
     */
    void back() {
        page.getByText("Back", new Page.GetByTextOptions().setExact(true)).click();
        page.waitForFunction("() => [...document.querySelectorAll('.finder-column')].map(c => c.dataset.breadcrumb).join('/') === 'Server/Monitor/Job'"
                + " && document.querySelectorAll('.finder-column[data-breadcrumb=\"Job\"] .finder-item').length > 0");
    }

    /**
     * Waits until the executions list shows "Batch Status: STATUS" for the execution, reloading it now
     * and then (the view polls by itself only while an execution of the job runs). Returns the
     * description text the list shows, e.g. "Instance ID: 3 Batch Status: COMPLETED".
     */
    String awaitExecution(long id, String status) {
        Locator execution = execution(id);
        Locator shown = execution.locator(".list-pf-description").filter(new Locator.FilterOptions().setHasText("Batch Status: " + status));
        long deadline = System.nanoTime() + (long) (JOB_TIMEOUT_MS * 1e6);
        while (true) {
            try {
                shown.waitFor(new Locator.WaitForOptions().setTimeout(5_000));
                return shown.innerText().replaceAll("\\s+", " ").trim();
            } catch (RuntimeException notYet) {
                if (System.nanoTime() > deadline) {
                    screenshot("hal-execution-" + id + "-not-" + status);
                    throw new AssertionError("HAL does not show execution " + id + " as " + status + ": "
                            + (execution.count() > 0 ? execution.innerText() : "not listed"), notYet);
                }
                reload();
            }
        }
    }

    /**
     * The executions list's "Refresh" button; while the view shows "No Executions" instead (HAL's read of
     * the executions came back empty or late on a busy server; that state hides the list's toolbar, and
     * a click on its "Refresh" waited in vain), the refresh icon of the header, which reloads the view.
     */
    private void reload() {
        Locator reload = refresh().isVisible() ? refresh() : page.locator(".breadcrumb-tools a[title=\"Refresh\"]");
        try {
            reload.click(new Locator.ClickOptions().setTimeout(RETRY_AFTER_MS));
        } catch (PlaywrightException replaced) {
            System.out.println("HAL: no reload of the executions list this time: " + replaced.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** The action buttons HAL offers on the execution's row (e.g. "Stop" while it runs). */
    Locator action(long id, String name) {
        return execution(id).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    /** What the browser shows when a step failed: target/screenshots/<name>.png and the page's HTML as <name>.html. */
    void capture(String name) {
        Path html = screenshot(name).resolveSibling(name.replaceAll("[^A-Za-z0-9-]+", "_") + ".html");
        try {
            Files.writeString(html, page.content());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole page as target/screenshots/<name>.png. */
    Path screenshot(String name) {
        Path file = screenshots.resolve(name.replaceAll("[^A-Za-z0-9-]+", "_") + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file));
        return file;
    }

    /** The executions list's "Refresh" button. */
    private Locator refresh() {
        return page.locator(".toolbar-pf").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Refresh"));
    }

    /** What the executions view shows instead of the list when it has read no execution. */
    private Locator noExecutions() {
        return page.locator("#job-list-empty").getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName("No Executions"));
    }

    private Locator execution(long id) {
        return page.locator(".list-pf-item").filter(new Locator.FilterOptions()
                .setHas(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Execution ID: " + id).setExact(true))));
    }

    private Locator tab(String name) {
        return page.locator(".navbar-primary").getByText(name, new Locator.GetByTextOptions().setExact(true));
    }

    private Locator column(String name) {
        return page.locator(".finder-column[data-breadcrumb=\"" + name + "\"]");
    }

    private Locator job(String job, String deployment) {
        return column("Job").locator(".finder-item")
                .filter(new Locator.FilterOptions().setHas(page.getByText(job, new Page.GetByTextOptions().setExact(true))))
                .filter(new Locator.FilterOptions().setHas(page.getByText(deployment, new Page.GetByTextOptions().setExact(true))));
    }
}
