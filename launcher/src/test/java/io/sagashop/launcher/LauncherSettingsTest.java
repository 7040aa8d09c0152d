package io.sagashop.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sagashop.launcher.stack.App;

class LauncherSettingsTest {

    @Test
    void usesTheUsualPortsAndEmbeddedPostgresByDefault() {
        LauncherSettings settings = LauncherSettings.from(Map.of());

        assertThat(settings.appPorts()).containsEntry(App.GATEWAY, 8080)
            .containsEntry(App.CUSTOMER, 8081)
            .containsEntry(App.NOTIFICATION, 8085)
            .containsEntry(App.WORKER, 8086);
        assertThat(settings.temporalPorts().grpc()).isEqualTo(7233);
        assertThat(settings.temporalPorts().ui()).isEqualTo(8233);
        assertThat(settings.embeddedPostgres()).isTrue();
        assertThat(settings.ports()).containsKey(settings.postgresPort());
        assertThat(settings.dataDirectory()).isEqualTo(Path.of(".saga-shop").toAbsolutePath());
    }

    @Test
    void takesEachPortAndTheDataFolderFromTheEnvironment() {
        LauncherSettings settings = LauncherSettings
            .from(Map.of("SAGASHOP_GATEWAY_PORT", "9080", "SAGASHOP_ORDER_WORKFLOW_WORKER_PORT", "9086",
                    "SAGASHOP_TEMPORAL_UI_PORT", "9233", "SAGASHOP_DATA_DIR", "/tmp/shop"));

        assertThat(settings.appPorts()).containsEntry(App.GATEWAY, 9080).containsEntry(App.WORKER, 9086);
        assertThat(settings.temporalPorts().ui()).isEqualTo(9233);
        assertThat(settings.logDirectory()).isEqualTo(Path.of("/tmp/shop/logs"));
        assertThat(settings.ports().get(9080))
            .isEqualTo(new LauncherSettings.PortUse("gateway", "SAGASHOP_GATEWAY_PORT"));
    }

    @Test
    void anExistingServerReplacesEmbeddedPostgres() {
        LauncherSettings settings = LauncherSettings
            .from(Map.of("SAGASHOP_POSTGRES_URL", "jdbc:postgresql://db.local:5432/postgres", "SAGASHOP_POSTGRES_USER",
                    "admin", "SAGASHOP_POSTGRES_PASSWORD", "secret"));

        assertThat(settings.embeddedPostgres()).isFalse();
        assertThat(settings.postgresUser()).isEqualTo("admin");
        assertThat(settings.ports()).doesNotContainKey(settings.postgresPort());
    }

    @Test
    void refusesAPortThatIsNoPortNamingItsVariable() {
        assertThatThrownBy(() -> LauncherSettings.from(Map.of("SAGASHOP_GATEWAY_PORT", "80a")))
            .hasMessage("SAGASHOP_GATEWAY_PORT must be a port number (1-65535), not '80a'");
        assertThatThrownBy(() -> LauncherSettings.from(Map.of("SAGASHOP_POSTGRES_PORT", "70000")))
            .hasMessageStartingWith("SAGASHOP_POSTGRES_PORT must be a port number");
    }

}
