package io.sagashop.customer.account;

import static io.sagashop.customer.account.SeededCustomers.ADA;
import static io.sagashop.customer.account.SeededCustomers.ALAN;
import static io.sagashop.customer.account.SeededCustomers.BOB_SMALL_BUDGET;
import static io.sagashop.customer.account.SeededCustomers.GRACE;
import static io.sagashop.customer.account.SeededCustomers.MALLORY_BLOCKED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.sagashop.testsupport.security.TestIssuer;
import io.sagashop.testsupport.service.ServiceApplicationTest;

@ServiceApplicationTest
class CustomerQueryTest {

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Test
    void seedHasFiveDemoCustomersWithOneBlockedAndOneOnALowLimit() {
        List<CustomerResponse> seeded = listCustomers().stream()
            .filter(customer -> SeededCustomers.ALL.contains(customer.customerId()))
            .toList();

        assertThat(seeded)
            .extracting(CustomerResponse::customerId, CustomerResponse::name, CustomerResponse::email,
                    CustomerResponse::status, CustomerResponse::creditLimitCents)
            .containsExactlyInAnyOrder(tuple(ADA, "Ada Lovelace", "ada@example.com", CustomerStatus.ACTIVE, 500_000L),
                    tuple(GRACE, "Grace Hopper", "grace@example.com", CustomerStatus.ACTIVE, 1_000_000L),
                    tuple(ALAN, "Alan Turing", "alan@example.com", CustomerStatus.ACTIVE, 250_000L),
                    tuple(MALLORY_BLOCKED, "Mallory Blocked", "mallory@example.com", CustomerStatus.BLOCKED, 500_000L),
                    tuple(BOB_SMALL_BUDGET, "Bob Smallbudget", "bob@example.com", CustomerStatus.ACTIVE, 5_000L));
        assertThat(seeded).allSatisfy(customer -> assertThat(customer.createdAt()).isNotNull());
        // Every other row was created through the API and carries its idempotency key.
        assertThat(jdbc.sql("SELECT count(*) FROM customer WHERE creation_key IS NULL").query(Long.class).single())
            .isEqualTo(5);
    }

    @Test
    void listIsSortedByName() {
        // Only the seed's relative order is asserted: other tests add customers, and the
        // database collation,
        // not Java's String order, decides where those land.
        List<String> seededNames = listCustomers().stream()
            .filter(customer -> SeededCustomers.ALL.contains(customer.customerId()))
            .map(CustomerResponse::name)
            .toList();

        assertThat(seededNames).containsExactly("Ada Lovelace", "Alan Turing", "Bob Smallbudget", "Grace Hopper",
                "Mallory Blocked");
    }

    @Test
    void readsOneCustomer() {
        CustomerResponse mallory = client.get()
            .uri("/api/customers/{id}", MALLORY_BLOCKED)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(CustomerResponse.class)
            .returnResult()
            .getResponseBody();

        assertThat(mallory).isNotNull();
        assertThat(mallory.customerId()).isEqualTo(MALLORY_BLOCKED);
        assertThat(mallory.name()).isEqualTo("Mallory Blocked");
        assertThat(mallory.status()).isEqualTo(CustomerStatus.BLOCKED);
        assertThat(mallory.creditLimitCents()).isEqualTo(500_000L);
    }

    @Test
    void unknownCustomerIsNotFound() {
        UUID unknown = UUID.randomUUID();

        client.get()
            .uri("/api/customers/{id}", unknown)
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:customer-not-found")
            .jsonPath("$.id")
            .isEqualTo(unknown.toString());
    }

    @Test
    void customerIdThatIsNoUuidIsABadRequestNamingIt() {
        client.get()
            .uri("/api/customers/{id}", "not-a-uuid")
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type")
            .isEqualTo("urn:sagashop:problem:invalid-request")
            .jsonPath("$.errors[0].field")
            .isEqualTo("customerId");
    }

    /** The list holds every customer's email and credit limit: an operator's read. */
    private List<CustomerResponse> listCustomers() {
        return client.get()
            .uri("/api/customers")
            .header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(TestIssuer.shared().operator()))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(new ParameterizedTypeReference<List<CustomerResponse>>() {
            })
            .returnResult()
            .getResponseBody();
    }

}
