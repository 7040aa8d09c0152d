package io.sagashop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.sagashop.launcher.process.AppProcess;
import io.sagashop.launcher.stack.App;

/**
 * Each service, started with {@code java -jar} and configured only through environment
 * variables, has created its schema in an empty database of its own and reports itself
 * ready.
 */
class ServicesRunFromJarIT extends SagaShopStoryTest {

    @ParameterizedTest
    @EnumSource(value = App.class, names = { "CUSTOMER", "INVENTORY", "ORDER", "PAYMENT", "NOTIFICATION" })
    void createsItsSchemaWithFlywayInItsOwnDatabase(App service) throws SQLException {
        try (Connection connection = system.database(service); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = '" + service.database() + "' ORDER BY table_name")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            assertThat(tables).contains("flyway_schema_history").hasSizeGreaterThan(1);
            try (ResultSet failed = statement.executeQuery(
                    "SELECT count(*) FROM " + service.database() + ".flyway_schema_history WHERE NOT success")) {
                failed.next();
                assertThat(failed.getInt(1)).as("failed migrations").isZero();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(App.class)
    void reportsLivenessAndReadinessUp(App app) throws Exception {
        AppProcess process = system.app(app);
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (String probe : List.of("liveness", "readiness")) {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(process.baseUri().resolve("/actuator/health/" + probe)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(app + " " + probe).isEqualTo(200);
                assertThat(response.body()).contains("\"status\":\"UP\"");
            }
            if (app.isService() || app == App.GATEWAY) {
                HttpResponse<String> apiDocs = http.send(
                        HttpRequest.newBuilder(process.baseUri().resolve("/v3/api-docs")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(apiDocs.statusCode()).isEqualTo(200);
                assertThat(apiDocs.body()).contains("\"openapi\"").contains("/api/");
            }
        }
    }

}
