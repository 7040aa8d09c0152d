package io.sagashop.launcher.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Spring Boot application run as a JVM of its own, the way it runs in production, ready
 * when its readiness probe answers UP.
 */
public final class AppProcess extends ManagedProcess {

    private static final Logger log = LoggerFactory.getLogger(AppProcess.class);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final URI baseUri;

    public AppProcess(String name, List<String> command, Map<String, String> environment, URI baseUri,
            LogFile logFile) {
        super(name, command, environment, logFile);
        this.baseUri = baseUri;
    }

    /**
     * Waits until the readiness probe answers UP; fails at once, with the log's end, if
     * the process dies.
     */
    public void awaitReady(Duration timeout) {
        Waits.until(name() + " ready on " + baseUri, timeout, this::ready, () -> !isAlive(),
                () -> name() + " exited with code " + exitCode() + " before it was ready; its log (" + logFile().path()
                        + ") ends with:\n" + logFile().tail(40));
        log.debug("{} is ready", name());
    }

    public boolean ready() {
        try {
            HttpResponse<String> response = HTTP
                .send(HttpRequest.newBuilder(baseUri.resolve("/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2))
                    .GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public URI baseUri() {
        return baseUri;
    }

}
