package io.sagashop.auth.signingkey;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The key set that signs tokens and that {@code /oauth2/jwks} publishes (the public half
 * only). It replaces Boot's default, a key generated silently at every start.
 */
@Configuration(proxyBeanMethods = false)
class SigningKeyConfiguration {

    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeyProperties properties) {
        return new ImmutableJWKSet<>(new JWKSet(SigningKeys.from(properties)));
    }

}
