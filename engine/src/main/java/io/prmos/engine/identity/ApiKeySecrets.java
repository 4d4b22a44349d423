package io.prmos.engine.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * The format of API keys: {@code prm_<key id, 32 hex>_<secret, 43 base64url chars>}. The id finds
 * the stored key; the secret (256 random bits) is compared by its SHA-256 hash in constant time.
 * A slow password hash is unnecessary for secrets this long.
 */
public final class ApiKeySecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A parsed key as presented by a client. */
    public record Presented(UUID id, String secret) {
    }

    private ApiKeySecrets() {
    }

    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String format(UUID id, String secret) {
        return "prm_" + id.toString().replace("-", "") + "_" + secret;
    }

    public static Optional<Presented> parse(String key) {
        if (key == null || key.length() != 4 + 32 + 1 + 43 || !key.startsWith("prm_") || key.charAt(36) != '_') {
            return Optional.empty();
        }
        String hex = key.substring(4, 36);
        if (!hex.matches("[0-9a-f]{32}")) {
            return Optional.empty();
        }
        UUID id = new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
        return Optional.of(new Presented(id, key.substring(37)));
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean matches(String secret, String storedHash) {
        return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
