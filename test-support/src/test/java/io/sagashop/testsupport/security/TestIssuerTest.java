package io.sagashop.testsupport.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** The fixture's tokens verify, or fail to, against its published key set. */
class TestIssuerTest {

    private final TestIssuer issuer = TestIssuer.shared();

    @Test
    void signedTokensVerifyAgainstThePublishedKeySetWithTheAuthServersClaims() {
        Jwt jwt = decoder(issuer).decode(issuer.operator());

        assertThat(jwt.getIssuer()).hasToString(issuer.issuerUri());
        assertThat(jwt.getSubject()).isEqualTo(TestIssuer.OPERATOR_SUBJECT.toString());
        assertThat(jwt.getAudience()).containsExactlyElementsOf(TestIssuer.PERSON_AUDIENCES);
        assertThat(jwt.getClaimAsString("scope")).isEqualTo("openid profile shop");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("OPERATOR");
    }

    @Test
    void brokenTokensDoNotVerify() {
        JwtDecoder decoder = decoder(issuer);

        assertThatThrownBy(() -> decoder.decode(issuer.workerToken().signedWithImpostorKey()))
            .isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(issuer.workerToken().unsigned())).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(issuer.workerToken().expiredAgo(Duration.ofMinutes(5)).signed()))
            .isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(issuer.workerToken().issuer("http://elsewhere").signed()))
            .isInstanceOf(BadJwtException.class);
    }

    @Test
    void anotherIssuersTokensDoNotVerifyHere() {
        try (TestIssuer other = TestIssuer.start()) {
            assertThatThrownBy(() -> decoder(issuer).decode(other.worker())).isInstanceOf(BadJwtException.class);
            assertThat(decoder(other).decode(other.worker()).getClaimAsString("scope")).isEqualTo("saga");
        }
    }

    private static JwtDecoder decoder(TestIssuer issuer) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer.issuerUri()));
        return decoder;
    }

}
