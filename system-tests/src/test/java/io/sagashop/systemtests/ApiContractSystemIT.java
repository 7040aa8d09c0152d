package io.sagashop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
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
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sagashop.launcher.stack.App;
import io.sagashop.systemtests.shop.BuildOutput;
import io.sagashop.systemtests.shop.Customers;
import io.sagashop.systemtests.shop.PaymentProcessorFaults;

/**
 * Each running application's OpenAPI description held against what it answers.
 * Schemathesis reads the description at {@code /v3/api-docs}, sends requests it derives
 * from it, valid and invalid ones, to every operation it lists, and checks that no answer
 * is a 5xx and that each status, content type and body is one the description documents.
 * The services are called with the worker's token, and again with an operator's for the
 * operator's endpoints; the gateway with a shopper's. Any finding fails the test with
 * schemathesis' report.
 *
 * <p>
 * Schemathesis is {@code SCHEMATHESIS_CLI}, else {@code st} on the {@code PATH};
 * {@code .ci/run} installs it (scripts/toolchain.sh, {@code ensure_schemathesis}).
 */
class ApiContractSystemIT extends SagaShopStoryTest {

    private static final Logger log = LoggerFactory.getLogger(ApiContractSystemIT.class);

    private static final List<App> SERVICES = List.of(App.CUSTOMER, App.INVENTORY, App.ORDER, App.PAYMENT,
            App.NOTIFICATION);

    private static final String CHECKS = String.join(",", "not_a_server_error", "status_code_conformance",
            "content_type_conformance", "response_schema_conformance");

    /**
     * Fixed, so that a run finds what the last one found; change it to explore further.
     */
    private static final String SEED = "20261202";

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);

    /**
     * The one operation no run may fuzz with an operator's token: it makes the shared
     * processor fail or slow down for every test that charges after it.
     */
    private static final String PROCESSOR_FAULTS = "/api/operator/processor-faults";

    private final Path reports = BuildOutput.logDirectory().resolveSibling("schemathesis");

    @Test
    void everyServiceAnswersTheSagaAsItsDescriptionSays() {
        Map<String, Run> runs = new LinkedHashMap<>();
        for (App service : SERVICES) {
            runs.put(service.artifactId() + "-saga",
                    schemathesis(system.app(service).baseUri(), system::workerToken, 20, List.of()));
        }
        assertNoFindings(runs);
    }

    @Test
    void everyServiceAnswersAnOperatorAsItsDescriptionSays() {
        Map<String, Run> runs = new LinkedHashMap<>();
        try {
            for (App service : SERVICES) {
                runs.put(service.artifactId() + "-operator", schemathesis(system.app(service).baseUri(),
                        system::operatorToken, 10, List.of("--exclude-name", "PUT " + PROCESSOR_FAULTS)));
            }
        }
        finally {
            // DELETE is fuzzed too and harmless; clear whatever faults it left anyway.
            new PaymentProcessorFaults(system.app(App.PAYMENT).baseUri(), system::operatorToken).clear();
        }
        assertNoFindings(runs);
    }

    @Test
    void theGatewayAnswersAShopperAsItsDescriptionSays() {
        Supplier<String> ada = () -> system.tokens().accessToken(Customers.email(Customers.ADA), Customers.PASSWORD);
        assertNoFindings(Map.of("gateway-shopper", schemathesis(system.gateway(), ada, 20, List.of())));
    }

    @Test
    void theGatewayAnswersAnOperatorAsItsDescriptionSays() {
        try {
            assertNoFindings(Map.of("gateway-operator", schemathesis(system.gateway(), system::operatorToken, 10,
                    List.of("--exclude-name", "PUT " + PROCESSOR_FAULTS))));
        }
        finally {
            new PaymentProcessorFaults(system.app(App.PAYMENT).baseUri(), system::operatorToken).clear();
        }
    }

    private Run schemathesis(URI application, Supplier<String> token, int maxExamples, List<String> options) {
        List<String> command = new ArrayList<>(List.of(executable(), "run",
                application.resolve("/v3/api-docs").toString(), "--header", "Authorization: Bearer " + token.get(),
                "--checks", CHECKS, "--max-examples", Integer.toString(maxExamples), "--seed", SEED,
                "--request-timeout", "15", "--generation-database", "none", "--no-color"));
        command.addAll(options);
        try {
            Files.createDirectories(reports);
            Path report = reports.resolve(application.getPort() + "-" + System.nanoTime() + ".txt");
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command).directory(reports.toFile())
                .redirectErrorStream(true)
                .redirectOutput(report.toFile())
                .start();
            if (!process.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return new Run(-1,
                        "Schemathesis did not finish within " + RUN_TIMEOUT + "\n" + Files.readString(report), report);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            log.info("Schemathesis against {} took {} ms, exit {}; report {}", application, took.toMillis(),
                    process.exitValue(), report);
            return new Run(process.exitValue(), Files.readString(report, StandardCharsets.UTF_8), report);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static void assertNoFindings(Map<String, Run> runs) {
        Map<String, String> failed = new LinkedHashMap<>();
        runs.forEach((name, run) -> {
            if (run.exitCode() != 0) {
                failed.put(name, run.output());
            }
        });
        StringBuilder message = new StringBuilder();
        failed.forEach((name, output) -> message.append("\n===== ")
            .append(name)
            .append(" (report ")
            .append(runs.get(name).report())
            .append(")\n")
            .append(output));
        assertThat(failed.keySet()).as("schemathesis findings:%s", message).isEmpty();
    }

    /** Fails, saying how to install it, rather than skipping: CI must run this check. */
    private static String executable() {
        String configured = System.getenv("SCHEMATHESIS_CLI");
        if (configured != null && !configured.isBlank()) {
            assertThat(new File(configured)).as("SCHEMATHESIS_CLI=%s is not an executable file", configured).canRead();
            return configured;
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            File candidate = new File(directory, "st");
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        throw new AssertionError("Schemathesis is needed for the contract check and was not found: set "
                + "SCHEMATHESIS_CLI to its st executable or put st on the PATH. Install it with "
                + "`source scripts/toolchain.sh && ensure_schemathesis` (as .ci/run does), or "
                + "`pip install schemathesis==<version in scripts/toolchain.sh>` in a virtual environment.");
    }

    private record Run(int exitCode, String output, Path report) {
    }

}
