package io.prmos.engine.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Signs RS256 access tokens with the same claim shape as Keycloak's (sub, preferred_username,
 * realm_access.roles, tenant, aud), so everything downstream treats both issuers alike.
 */
public final class DevTokenIssuer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;
    private final String issuer;
    private final Duration lifetime;

    public DevTokenIssuer(KeyPair keys, String issuer, Duration lifetime) {
        this.keys = keys;
        this.issuer = issuer;
        this.lifetime = lifetime;
    }

    public String issue(DevIdentityConfig.DevUser user) {
        Instant now = Instant.now();
        ObjectNode claims = JSON.createObjectNode()
                .put("iss", issuer)
                .put("sub", subject(user))
                .put("aud", DevIdentityConfig.AUDIENCE)
                .put("azp", "prm-web")
                .put("typ", "Bearer")
                .put("iat", now.getEpochSecond())
                .put("exp", now.plus(lifetime).getEpochSecond())
                .put("jti", UUID.randomUUID().toString())
                .put("preferred_username", user.username())
                .put("name", user.username())
                .put("tenant", user.tenant());
        user.roles().forEach(claims.putObject("realm_access").withArray("roles")::add);
        if (user.roles().isEmpty()) {
            claims.putObject("realm_access").putArray("roles");
        }
        return sign(claims);
    }

    /** A stable id per user and tenant, like Keycloak's user UUIDs. */
    public static String subject(DevIdentityConfig.DevUser user) {
        return UUID.nameUUIDFromBytes((user.tenant() + "/" + user.username()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private String sign(ObjectNode claims) {
        String header = B64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a dev identity token", e);
        }
    }
}
