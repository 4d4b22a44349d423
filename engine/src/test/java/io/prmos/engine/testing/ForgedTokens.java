package io.prmos.engine.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.identity.DevIdentityConfig;
import io.prmos.engine.identity.DevIdentityKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Bearer tokens with arbitrary claims, signed by the test profile's embedded identity key
 * ({@code target/dev-identity-key}), so the engine accepts the signature and must judge the claims.
 * They stand for a misconfigured or hostile identity provider: a tenant claim that is an array, a
 * subject that is a number, roles that are an object.
 */
public final class ForgedTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static volatile KeyPair keys;

    private ForgedTokens() {
    }

    /** The claims alice's token has (tenant acme, partner_manager and admin), as a starting point to edit. */
    public static ObjectNode aliceClaims() {
        Instant now = Instant.now();
        ObjectNode claims = JSON.createObjectNode()
                .put("iss", DevIdentityConfig.DEFAULT_ISSUER)
                .put("sub", UUID.nameUUIDFromBytes("acme/alice".getBytes(StandardCharsets.UTF_8)).toString())
                .put("aud", DevIdentityConfig.AUDIENCE)
                .put("typ", "Bearer")
                .put("iat", now.getEpochSecond())
                .put("exp", now.plusSeconds(3600).getEpochSecond())
                .put("jti", UUID.randomUUID().toString())
                .put("preferred_username", "alice")
                .put("tenant", "acme");
        claims.putObject("realm_access").putArray("roles").add("partner_manager").add("admin");
        return claims;
    }

    /** {@code Bearer …} for alice's claims changed by {@code edit}. */
    public static String bearer(Consumer<ObjectNode> edit) {
        ObjectNode claims = aliceClaims();
        edit.accept(claims);
        return "Bearer " + sign(claims.toString());
    }

    /** Signs a payload given as JSON text (which need not be an object, or even JSON). */
    public static String sign(String payloadJson) {
        String header = B64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = B64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys().getPrivate());
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keys() {
        if (keys == null) {
            keys = DevIdentityKeys.load(Path.of("target/dev-identity-key"));
        }
        return keys;
    }
}
