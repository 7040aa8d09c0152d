package io.sagashop.launcher.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The secrets the applications share: the gateway's and the worker's client secrets at
 * the sign-in server, and the key of the gateway's order ids. Random for a test run; for
 * the launcher created once and kept in its data directory, readable by the owner only,
 * so that a repeated order still finds its order after a restart.
 */
public record StackSecrets(String gatewayClientSecret, String workerClientSecret, String orderIdSecret) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static StackSecrets random() {
        return new StackSecrets(randomSecret(), randomSecret(), randomSecret());
    }

    /** The secrets kept in {@code file}, created there on first use. */
    public static StackSecrets keptIn(Path file) {
        try {
            if (Files.exists(file)) {
                Properties stored = new Properties();
                try (Reader reader = Files.newBufferedReader(file)) {
                    stored.load(reader);
                }
                return new StackSecrets(stored.getProperty("gateway-client-secret"),
                        stored.getProperty("worker-client-secret"), stored.getProperty("order-id-secret"));
            }
            StackSecrets secrets = random();
            Files.createDirectories(file.getParent());
            Path written = Files.createFile(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
            }
            Properties stored = new Properties();
            stored.setProperty("gateway-client-secret", secrets.gatewayClientSecret());
            stored.setProperty("worker-client-secret", secrets.workerClientSecret());
            stored.setProperty("order-id-secret", secrets.orderIdSecret());
            try (Writer writer = Files.newBufferedWriter(written)) {
                stored.store(writer, "Saga Shop's local secrets; delete this file to get new ones");
            }
            return secrets;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot keep the local secrets in " + file, ex);
        }
    }

    public StackSecrets {
        if (gatewayClientSecret == null || workerClientSecret == null || orderIdSecret == null) {
            throw new IllegalArgumentException("A secret is missing; delete the secrets file to create new ones");
        }
    }

    /** 256 random bits, URL-safe. */
    private static String randomSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

}
