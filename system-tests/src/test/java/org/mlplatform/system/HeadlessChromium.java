package org.mlplatform.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Debian's chromium (-Dchromium.path, default /usr/bin/chromium) driven by Playwright, which downloads
 * no browser of its own. The browser tests are skipped, saying so, when there is no chromium.
 */
final class HeadlessChromium {

    static final Path PATH = Path.of(System.getProperty("chromium.path", "/usr/bin/chromium"));

    private HeadlessChromium() {
    }

    /** For a test's {@code @EnabledIf}: prints why the test is skipped when chromium is missing. */
    static boolean installed(Class<?> test) {
        boolean installed = Files.isExecutable(PATH);
        if (!installed) {
            System.err.println(test.getSimpleName() + " skipped: no Chromium at " + PATH + " (apt-get install chromium)");
        }
        return installed;
    }

    static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(PATH)
                .setHeadless(true)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }
}
