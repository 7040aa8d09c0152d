package io.sagashop.auth.signingkey;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Collections;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.StringUtils;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * Reads the signing key from the configured keystore or generates one, and names it by
 * its RFC 7638 thumbprint: the same key always has the same {@code kid}, across restarts
 * and instances.
 */
final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    static final String NONE_CONFIGURED = "No token signing key is configured: set sagashop.auth.signing-key.keystore "
            + "(SAGASHOP_AUTH_KEYSTORE) to a PKCS12 file with an RSA key, with .password "
            + "(SAGASHOP_AUTH_KEYSTORE_PASSWORD) and .alias (SAGASHOP_AUTH_KEY_ALIAS), or, for a local run only, "
            + "sagashop.auth.signing-key.generate=true (SAGASHOP_AUTH_GENERATE_KEY)";

    private SigningKeys() {
    }

    static RSAKey from(SigningKeyProperties properties) {
        if (properties.keystoreConfigured()) {
            return fromKeystore(properties);
        }
        if (properties.generate()) {
            RSAKey key = generated();
            log.warn(
                    "Signing tokens with an RSA key generated at start (kid {}): every token dies with this process. "
                            + "Set sagashop.auth.signing-key.keystore (SAGASHOP_AUTH_KEYSTORE) outside local mode.",
                    key.getKeyID());
            return key;
        }
        throw new IllegalStateException(NONE_CONFIGURED);
    }

    private static RSAKey fromKeystore(SigningKeyProperties properties) {
        char[] password = (properties.password() != null) ? properties.password().toCharArray() : new char[0];
        try (InputStream in = Files.newInputStream(properties.keystore())) {
            KeyStore keystore = KeyStore.getInstance("PKCS12");
            keystore.load(in, password);
            String alias = aliasOf(keystore, properties);
            if (!(keystore.getKey(alias, password) instanceof RSAPrivateKey privateKey)) {
                throw new IllegalStateException("The keystore entry '" + alias + "' of " + properties.keystore()
                        + " holds no RSA private key: tokens are signed RS256");
            }
            Certificate certificate = keystore.getCertificate(alias);
            if (certificate == null || !(certificate.getPublicKey() instanceof RSAPublicKey publicKey)) {
                throw new IllegalStateException("The keystore entry '" + alias + "' of " + properties.keystore()
                        + " has no certificate with its RSA public key");
            }
            log.info("Signing tokens with the key '{}' from {}", alias, properties.keystore());
            return named(new RSAKey.Builder(publicKey).privateKey(privateKey));
        }
        catch (IOException | GeneralSecurityException ex) {
            throw new IllegalStateException("Cannot read the signing key from the keystore " + properties.keystore()
                    + " (sagashop.auth.signing-key.*): " + ex.getMessage(), ex);
        }
    }

    private static String aliasOf(KeyStore keystore, SigningKeyProperties properties) throws GeneralSecurityException {
        if (StringUtils.hasText(properties.alias())) {
            if (!keystore.isKeyEntry(properties.alias())) {
                throw new IllegalStateException("The keystore " + properties.keystore() + " has no key entry '"
                        + properties.alias() + "' (sagashop.auth.signing-key.alias)");
            }
            return properties.alias();
        }
        List<String> keys = Collections.list(keystore.aliases())
            .stream()
            .filter(alias -> isKey(keystore, alias))
            .toList();
        if (keys.size() != 1) {
            throw new IllegalStateException("The keystore " + properties.keystore() + " holds " + keys.size()
                    + " keys: set sagashop.auth.signing-key.alias (SAGASHOP_AUTH_KEY_ALIAS) to the one that signs");
        }
        return keys.get(0);
    }

    private static boolean isKey(KeyStore keystore, String alias) {
        try {
            return keystore.isKeyEntry(alias);
        }
        catch (GeneralSecurityException ex) {
            return false;
        }
    }

    private static RSAKey generated() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return named(
                    new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((PrivateKey) pair.getPrivate()));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Cannot generate an RSA signing key", ex);
        }
    }

    private static RSAKey named(RSAKey.Builder key) {
        try {
            return key.keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).keyIDFromThumbprint().build();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Cannot compute the signing key's thumbprint", ex);
        }
    }

}
