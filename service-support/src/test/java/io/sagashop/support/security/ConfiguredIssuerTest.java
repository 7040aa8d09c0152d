package io.sagashop.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.sagashop.testsupport.security.TestIssuer;

/**
 * Plugging in another identity provider is configuration only: Boot's standard
 * resource-server properties name its issuer and key set,
 * {@code sagashop.security.roles-claim} where it puts roles (Keycloak's
 * {@code realm_access.roles} here). The service then takes that issuer's tokens and no
 * other's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sagashop.security.roles-claim=realm_access.roles")
@AutoConfigureRestTestClient
class ConfiguredIssuerTest {

    private static final TestIssuer companyIssuer = TestIssuer.start();

    private static final ParameterizedTypeReference<List<String>> AUTHORITIES = new ParameterizedTypeReference<>() {
    };

    @Autowired
    RestTestClient client;

    @DynamicPropertySource
    static void trustTheCompanyIssuer(DynamicPropertyRegistry registry) {
        companyIssuer.resourceServerProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @AfterAll
    static void stopTheCompanyIssuer() {
        companyIssuer.close();
    }

    @Test
    void acceptsTheConfiguredIssuersTokens() {
        List<String> authorities = read("/saga-reads", companyIssuer.worker()).expectStatus()
            .isOk()
            .expectBody(AUTHORITIES)
            .returnResult()
            .getResponseBody();

        assertThat(authorities).containsExactly("SCOPE_saga");
    }

    @Test
    void refusesTheSharedIssuersTokensAsNotValid() {
        read("/saga-reads", TestIssuer.shared().worker()).expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader()
            .value(HttpHeaders.WWW_AUTHENTICATE,
                    header -> assertThat(header).startsWith("Bearer error=\"invalid_token\""))
            .expectBody()
            .json("""
                    {"type":"urn:sagashop:problem:unauthorized","title":"Unauthorized","status":401,
                     "detail":"A valid access token is required","instance":"/saga-reads"}""", JsonCompareMode.STRICT);
    }

    @Test
    void readsRolesFromTheNestedClaimItIsToldOf() {
        String keycloakShaped = companyIssuer.token()
            .subject(UUID.randomUUID().toString())
            .audiences(TestIssuer.PERSON_AUDIENCES)
            .scopes("openid", "shop")
            .claim("realm_access", Map.of("roles", List.of("OPERATOR", "offline_access")))
            .signed();

        List<String> authorities = read("/operator-reads", keycloakShaped).expectStatus()
            .isOk()
            .expectBody(AUTHORITIES)
            .returnResult()
            .getResponseBody();

        assertThat(authorities).containsExactly("ROLE_OPERATOR", "ROLE_offline_access", "SCOPE_openid", "SCOPE_shop");
    }

    @Test
    void aRoleOutsideThatClaimGrantsNothing() {
        // The shop's own shape: roles at the top level, which this configuration does not
        // read.
        read("/operator-reads", companyIssuer.operator()).expectStatus()
            .isForbidden()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .json("""
                    {"type":"urn:sagashop:problem:forbidden","title":"Forbidden","status":403,
                     "detail":"The access token does not allow this call","instance":"/operator-reads"}""",
                    JsonCompareMode.STRICT);
    }

    private RestTestClient.ResponseSpec read(String path, String token) {
        return client.get().uri(path).header(HttpHeaders.AUTHORIZATION, TestIssuer.bearer(token)).exchange();
    }

}
