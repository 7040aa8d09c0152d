package io.sagashop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sagashop.launcher.stack.App;
import io.sagashop.launcher.stack.AppDatabase;
import io.sagashop.launcher.stack.Directories;
import io.sagashop.systemtests.shop.BuildOutput;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shop's stories in a real browser: the Playwright tests under {@code frontend/e2e}
 * drive Debian's Chromium through the shop that the gateway serves, against this whole
 * running system, and look into the services' databases for what each story must leave
 * there. This test starts them with the system's addresses and logins, and fails with
 * every story that failed.
 *
 * <p>
 * Chromium is {@code CHROMIUM}, else {@code /usr/bin/chromium}; {@code .ci/run} installs
 * Debian's package when it is missing. Playwright never downloads a browser here.
 */
class ShopInBrowserSystemIT extends SagaShopStoryTest {

    private static final Logger log = LoggerFactory.getLogger(ShopInBrowserSystemIT.class);

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(15);

    private static final Path FRONTEND = Path.of(System.getProperty("sagashop.repository", ".."), "frontend")
        .toAbsolutePath()
        .normalize();

    private static final JsonMapper json = JsonMapper.builder().build();

    private final Path output = BuildOutput.logDirectory().toAbsolutePath().resolveSibling("playwright");

    @Test
    void everyStoryOfTheShopPassesInChromium() throws Exception {
        Path playwright = FRONTEND.resolve("node_modules/.bin/playwright");
        assertThat(playwright)
            .as("Playwright, installed by `npm ci` in %s (the frontend module's build runs it)", FRONTEND)
            .isExecutable();
        String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        assertThat(Path.of(chromium))
            .as("Chromium at %s (apt-get install chromium, as .ci/run does, or set CHROMIUM)", chromium)
            .isExecutable();
        // This run's report, screenshots and figures only.
        Directories.deleteRecursively(output);
        Files.createDirectories(output);
        Path printedLog = output.resolve("playwright.log");

        ProcessBuilder run = new ProcessBuilder(playwright.toString(), "test").directory(FRONTEND.toFile())
            .redirectErrorStream(true)
            .redirectOutput(printedLog.toFile());
        Map<String, String> environment = run.environment();
        environment.put("SHOP_URL", system.gateway().toString());
        environment.put("SHOP_DATABASES", json.writeValueAsString(databases()));
        environment.put("SHOP_TEST_OUTPUT", output.toString());
        environment.put("CHROMIUM", chromium);
        environment.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        environment.put("CI", "true");

        long started = System.nanoTime();
        Process process = run.start();
        if (!process.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String printed = Files.readString(printedLog, StandardCharsets.UTF_8);
        log.info("The browser stories took {} s; their log is {}:\n{}", took.toSeconds(), printedLog, printed);

        List<String> failed = failedStories(output.resolve("results.json"));
        assertThat(failed)
            .as("stories that failed in Chromium (log %s, report %s):\n%s", printedLog, output.resolve("report"),
                    printed)
            .isEmpty();
        assertThat(process.exitValue()).as("Playwright's exit code (log %s):\n%s", printedLog, printed).isZero();
    }

    /** Each service's database as node-postgres connects to it. */
    private Map<String, Map<String, Object>> databases() {
        Map<String, Map<String, Object>> databases = new LinkedHashMap<>();
        for (App app : App.values()) {
            if (!app.ownsDatabase() || app == App.AUTH) {
                continue;
            }
            AppDatabase login = system.databaseLogin(app);
            URI url = URI.create(login.jdbcUrl().substring("jdbc:".length()));
            databases.put(app.artifactId(),
                    Map.of("host", url.getHost(), "port", url.getPort(), "database", url.getPath().substring(1), "user",
                            login.username(), "password", login.password(), "schema", app.database()));
        }
        return databases;
    }

    /** The titles of the failed tests in Playwright's JSON report. */
    private static List<String> failedStories(Path report) {
        if (!Files.isRegularFile(report)) {
            return List.of("no report at " + report + ": Playwright did not run its tests");
        }
        try {
            List<String> failed = new ArrayList<>();
            collectFailures(json.readTree(report.toFile()).path("suites"), "", failed);
            return failed;
        }
        catch (UncheckedIOException ex) {
            return List.of("unreadable report " + report + ": " + ex.getMessage());
        }
    }

    private static void collectFailures(JsonNode suites, String path, List<String> failed) {
        for (JsonNode suite : suites) {
            String title = path.isEmpty() ? suite.path("title").asString()
                    : path + " > " + suite.path("title").asString();
            for (JsonNode spec : suite.path("specs")) {
                if (!spec.path("ok").asBoolean(false)) {
                    failed.add(title + " > " + spec.path("title").asString());
                }
            }
            collectFailures(suite.path("suites"), title, failed);
        }
    }

}
