package io.sagashop.auth.signingkey;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Where the key that signs every token comes from: a PKCS12 keystore, or, for a local run
 * only, a key generated at start ({@code generate}), with which every token dies with the
 * process.
 *
 * @param keystore the PKCS12 file
 * @param password the keystore's password, also the key's
 * @param alias the key's entry; may be left empty when the keystore holds one key
 * @param generate whether to generate a key when no keystore is set
 */
@ConfigurationProperties("sagashop.auth.signing-key")
record SigningKeyProperties(Path keystore, String password, String alias, boolean generate) {

    boolean keystoreConfigured() {
        return this.keystore != null && StringUtils.hasText(this.keystore.toString());
    }

}
