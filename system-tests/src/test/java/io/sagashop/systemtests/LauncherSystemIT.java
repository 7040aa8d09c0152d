package io.sagashop.systemtests;

import static io.sagashop.systemtests.shop.Customers.ADA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.sagashop.launcher.process.FreePorts;
import io.sagashop.launcher.process.LogFile;
import io.sagashop.launcher.process.ManagedProcess;
import io.sagashop.launcher.process.TemporalDevServer;
import io.sagashop.launcher.stack.Directories;
import io.sagashop.launcher.stack.App;
import io.sagashop.systemtests.shop.BuildOutput;
import io.sagashop.systemtests.shop.ShopClient;

/**
 * The demo as a newcomer runs it: {@code ./saga-shop} in the repository, here on ports of
 * its own and with its data in the build folder. It starts everything, prints an order to
 * paste that gets confirmed, refuses a second copy, reports a service that dies, stops
 * every process on SIGTERM, and the next run finds the orders again.
 */
class LauncherSystemIT {

    private static final String READY = "Press Ctrl-C to stop everything.";

    /** The first run also makes each application's AOT cache. */
    private static final Duration FIRST_START = Duration.ofMinutes(8);

    private static final Duration START = Duration.ofMinutes(4);

    private static final Duration STOP = Duration.ofSeconds(15);

    private final Path repository = Path.of(System.getProperty("sagashop.repository", "..")).toAbsolutePath();

    private final Path work = BuildOutput.logDirectory().toAbsolutePath().resolveSibling("launcher-it");

    private final Map<String, Integer> ports = new HashMap<>();

    @Test
    void runsTheShopUntilStoppedAndTheNextRunFindsItsOrders() throws Exception {
        Directories.deleteRecursively(work);
        for (App app : App.values()) {
            ports.put(app.artifactId(), FreePorts.next());
        }
        for (String port : List.of("temporal", "temporal-ui", "temporal-http", "temporal-metrics", "postgres")) {
            ports.put(port, FreePorts.next());
        }
        Path data = work.resolve("data");

        ManagedProcess first = launch("first-run", data);
        String banner = awaitOutput(first, READY, FIRST_START);
        assertThat(banner).as("jars built by this build are not built again").doesNotContain("Building Saga Shop");
        // The browser's name of the gateway: sign-in redirects come back to it.
        URI gateway = URI.create("http://localhost:" + ports.get("gateway"));
        assertThat(firstUrl(banner)).as("the banner's first address is the shop's").isEqualTo(gateway + "/");
        assertThat(thePageAt(firstUrl(banner))).contains("/assets/");
        UUID orderId = placeThePrintedOrder(banner);
        ShopClient shop = new ShopClient(gateway);
        await("order " + orderId + " confirmed").atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(250))
            .until(() -> "CONFIRMED".equals(shop.order(ADA, orderId).text("status")));
        await("the run listed in the Temporal UI under OrderStatus CONFIRMED").atMost(Duration.ofSeconds(30))
            .until(() -> workflowsInTemporalUi("OrderStatus=\"CONFIRMED\"").contains("order-" + orderId));

        ManagedProcess sameData = launch("same-data-dir", data);
        assertThat(sameData.awaitExit(Duration.ofSeconds(30))).as("a second copy on the same data ends").isTrue();
        assertThat(sameData.exitCode()).isNotZero();
        assertThat(sameData.logFile().tail(20)).contains("Saga Shop is already running from " + data);

        ManagedProcess samePorts = launch("same-ports", work.resolve("other-data"));
        assertThat(samePorts.awaitExit(Duration.ofSeconds(30))).as("a copy on taken ports ends").isTrue();
        assertThat(samePorts.exitCode()).isNotZero();
        assertThat(samePorts.logFile().tail(20)).contains("port " + ports.get("gateway") + " (gateway");
        assertThat(samePorts.descendants()).isEmpty();

        ProcessHandle payment = first.descendants()
            .stream()
            .filter(process -> process.info().commandLine().orElse("").contains("payment-service.jar"))
            .findFirst()
            .orElseThrow();
        payment.destroyForcibly();
        await("the dead payment-service reported").atMost(Duration.ofSeconds(20))
            .until(() -> first.logFile().tail(20).contains("payment-service stopped unexpectedly"));

        List<ProcessHandle> started = first.descendants();
        long stopping = System.nanoTime();
        first.requestStop();
        assertThat(first.awaitExit(STOP)).as("stopped within " + STOP.toSeconds() + " s").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(STOP);
        assertThat(started).as("processes left running").noneMatch(ProcessHandle::isAlive);
        assertThat(ports.values()).as("ports still taken").allMatch(FreePorts::isFree);

        ManagedProcess second = launch("second-run", data);
        String secondBanner = awaitOutput(second, READY, START);
        assertThat(secondBanner).doesNotContain("Building Saga Shop").doesNotContain("Preparing the fast start");
        // Signed in afresh: local mode's signing key and the sessions die with their
        // processes.
        assertThat(new ShopClient(gateway).order(ADA, orderId).text("status")).as("the first run's order")
            .isEqualTo("CONFIRMED");
        second.requestStop();
        assertThat(second.awaitExit(STOP)).isTrue();
    }

    /**
     * {@code ./saga-shop} with this test's ports and data folder, and the JDK and
     * temporal CLI of this build.
     */
    private ManagedProcess launch(String name, Path data) {
        Map<String, String> environment = new HashMap<>();
        ports.forEach((listener, port) -> environment
            .put("SAGASHOP_" + listener.replace('-', '_').toUpperCase(Locale.ROOT) + "_PORT", Integer.toString(port)));
        environment.put("SAGASHOP_DATA_DIR", data.toString());
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("TEMPORAL_CLI", TemporalDevServer.cli());
        ManagedProcess launcher = new ManagedProcess("saga-shop " + name,
                List.of("bash", repository.resolve("saga-shop").toString()), environment,
                new LogFile(work.resolve(name + ".log")));
        launcher.start();
        return launcher;
    }

    private static String awaitOutput(ManagedProcess launcher, String marker, Duration timeout) {
        await(launcher.name() + " printing '" + marker + "'").atMost(timeout)
            .pollInterval(Duration.ofMillis(250))
            .failFast(launcher.name() + " ended; its output:\n" + launcher.logFile().tail(60),
                    () -> !launcher.isAlive())
            .until(() -> Files.readString(launcher.logFile().path()).contains(marker));
        return launcher.logFile().tail(500);
    }

    /**
     * Runs the commands the banner prints, as a user pasting them would: a token for the
     * demo shopper from the sign-in server, then the order's {@code curl}. Returns the
     * order's id.
     */
    private UUID placeThePrintedOrder(String banner) throws IOException, InterruptedException {
        Matcher command = Pattern.compile("(TOKEN=.*?curl -i .*?-d '[^']*')", Pattern.DOTALL).matcher(banner);
        assertThat(command.find()).as("a token and an order curl in:\n" + banner).isTrue();
        Process curl = new ProcessBuilder("bash", "-c", command.group(1) + " --silent").directory(repository.toFile())
            .redirectErrorStream(true)
            .start();
        String response = new String(curl.getInputStream().readAllBytes());
        assertThat(curl.waitFor()).isZero();
        assertThat(response).startsWith("HTTP/1.1 202");
        Matcher orderId = Pattern.compile("\"orderId\":\"([0-9a-f-]{36})\"").matcher(response);
        assertThat(orderId.find()).as(response).isTrue();
        return UUID.fromString(orderId.group(1));
    }

    private static String firstUrl(String banner) {
        Matcher url = Pattern.compile("http://\\S+").matcher(banner);
        assertThat(url.find()).as("an address in:\n" + banner).isTrue();
        return url.group();
    }

    /** What a browser gets for the shop's address: its page. */
    private static String thePageAt(String url) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            return response.body();
        }
    }

    /**
     * The workflows the Temporal UI's own API lists for a visibility query, as its list
     * page shows them.
     */
    private String workflowsInTemporalUi(String query) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + ports.get("temporal-ui")
                + "/api/v1/namespaces/default/workflows?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        }
    }

}
