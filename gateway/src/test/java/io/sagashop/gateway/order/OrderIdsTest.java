package io.sagashop.gateway.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * Order ids are keyed: the same shopper and idempotency key find the same order, and
 * nobody without the gateway's secret can compute one.
 */
class OrderIdsTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    private final OrderIds orderIds = new OrderIds(new OrderIdProperties(SECRET));

    private final UUID ada = UUID.fromString("c1000000-0000-4000-8000-000000000001");

    @Test
    void theSameShopperAndKeyAreTheSameOrder() {
        assertThat(orderIds.of(ada, "key-1")).isEqualTo(orderIds.of(ada, "key-1"))
            .isEqualTo(new OrderIds(new OrderIdProperties(SECRET)).of(ada, "key-1"));
    }

    @Test
    void anotherShopperOrKeyIsAnotherOrder() {
        UUID grace = UUID.fromString("c1000000-0000-4000-8000-000000000002");

        assertThat(orderIds.of(ada, "key-1")).isNotEqualTo(orderIds.of(grace, "key-1"))
            .isNotEqualTo(orderIds.of(ada, "key-2"));
    }

    @Test
    void anotherSecretGivesAnotherId() {
        OrderIds elsewhere = new OrderIds(new OrderIdProperties("fedcba9876543210fedcba9876543210"));

        assertThat(elsewhere.of(ada, "key-1")).isNotEqualTo(orderIds.of(ada, "key-1"));
    }

    @Test
    void isNotTheNameBasedIdAnyoneCouldCompute() {
        UUID unkeyed = UUID.nameUUIDFromBytes((ada + ":key-1").getBytes(StandardCharsets.UTF_8));

        assertThat(orderIds.of(ada, "key-1")).isNotEqualTo(unkeyed);
    }

    @Test
    void isAVersion8UuidOfTheStandardVariant() {
        UUID id = orderIds.of(ada, "key-1");

        assertThat(id.version()).isEqualTo(8);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(UUID.fromString(id.toString())).isEqualTo(id);
    }

    @Test
    void refusesASecretShorterThan32Bytes() {
        assertThatThrownBy(() -> new OrderIdProperties("x".repeat(31))).hasMessageContaining("SAGASHOP_ORDER_ID_SECRET")
            .hasMessageContaining("has 31 bytes; it needs at least 32");
        // Bytes, not characters: 16 two-byte letters are 32 bytes.
        assertThat(new OrderIdProperties("ä".repeat(16)).secret()).hasSize(16);
    }

    @Test
    void theGatewayDoesNotStartWithoutASecret() {
        ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(WithOrderIds.class);

        runner.run(context -> assertThat(context).hasFailed()
            .getFailure()
            .rootCause()
            .hasMessageContaining("SAGASHOP_ORDER_ID_SECRET (sagashop.gateway.order-ids.secret) is not set"));
        runner.withPropertyValues("sagashop.gateway.order-ids.secret=")
            .run(context -> assertThat(context).hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("is not set"));
        runner.withPropertyValues("sagashop.gateway.order-ids.secret=too-short")
            .run(context -> assertThat(context).hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("has 9 bytes; it needs at least 32"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(OrderIdProperties.class)
    static class WithOrderIds {

    }

}
