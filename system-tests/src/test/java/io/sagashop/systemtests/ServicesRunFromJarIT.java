package io.sagashop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.sagashop.systemtests.process.FreePorts;
import io.sagashop.systemtests.process.Jars;
import io.sagashop.systemtests.process.ServiceModule;
import io.sagashop.systemtests.process.ServiceProcess;
import io.sagashop.testsupport.postgres.DatabaseLogin;
import io.sagashop.testsupport.postgres.TestPostgres;

/**
 * Each service, started with {@code java -jar} and configured only through environment variables, creates its
 * schema in an empty database of its own and reports itself ready.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServicesRunFromJarIT {

    private final Map<ServiceModule, DatabaseLogin> databases = new EnumMap<>(ServiceModule.class);
    private final Map<ServiceModule, ServiceProcess> processes = new EnumMap<>(ServiceModule.class);

    @BeforeAll
    void startEveryServiceFromItsJar() {
        for (ServiceModule service : ServiceModule.values()) {
            DatabaseLogin database = TestPostgres.shared().createDatabase(service.schema());
            databases.put(service, database);
            processes.put(service, ServiceProcess.start(service.artifactId(), service.jar(), FreePorts.next(),
                    Map.of("SPRING_DATASOURCE_URL", database.jdbcUrl(),
                            "SPRING_DATASOURCE_USERNAME", database.username(),
                            "SPRING_DATASOURCE_PASSWORD", database.password()),
                    Jars.logDirectory()));
        }
        processes.values().forEach(process -> process.awaitReady(Duration.ofSeconds(120)));
    }

    @AfterAll
    void stopServices() {
        processes.values().forEach(ServiceProcess::stop);
    }

    @ParameterizedTest
    @EnumSource(ServiceModule.class)
    void createsItsSchemaWithFlywayInItsOwnDatabase(ServiceModule service) throws SQLException {
        DatabaseLogin database = databases.get(service);
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password()); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = '" + service.schema() + "' ORDER BY table_name")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            assertThat(tables).contains("flyway_schema_history").hasSizeGreaterThan(1);
            try (ResultSet failed = statement.executeQuery("SELECT count(*) FROM " + service.schema()
                    + ".flyway_schema_history WHERE NOT success")) {
                failed.next();
                assertThat(failed.getInt(1)).as("failed migrations").isZero();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ServiceModule.class)
    void reportsLivenessAndReadinessUp(ServiceModule service) throws Exception {
        ServiceProcess process = processes.get(service);
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (String probe : List.of("liveness", "readiness")) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        process.baseUri().resolve("/actuator/health/" + probe)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(service + " " + probe).isEqualTo(200);
                assertThat(response.body()).contains("\"status\":\"UP\"");
            }
            HttpResponse<String> apiDocs = http.send(HttpRequest.newBuilder(
                    process.baseUri().resolve("/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(apiDocs.statusCode()).isEqualTo(200);
            assertThat(apiDocs.body()).contains("\"openapi\"").contains("/api/");
        }
    }
}
