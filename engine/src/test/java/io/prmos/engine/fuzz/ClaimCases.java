package io.prmos.engine.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.fuzz.HttpCase.Header;
import io.prmos.engine.testing.ForgedTokens;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Tokens correctly signed by the trusted key whose claims are wrong: tenant, subject, user name and
 * roles of the wrong type or with text PostgreSQL cannot store; expired, not yet valid, other
 * issuers and audiences; payloads that are not objects; unsigned and HMAC-signed variants.
 * Each is sent to one of the endpoint families.
 */
final class ClaimCases {

    static final List<String[]> ENDPOINTS = List.of(
            new String[] {"GET", "/api/v1/partners/partner"}, new String[] {"POST", "/api/v1/partners/partner"},
            new String[] {"GET", "/api/v1/partners/partner/export"}, new String[] {"POST", "/api/v1/partners/partner/bulk"},
            new String[] {"GET", "/api/v1/activity"}, new String[] {"GET", "/api/v1/recycle-bin"}, new String[] {"GET", "/api/v1/search"},
            new String[] {"POST", "/api/v1/resolve"}, new String[] {"GET", "/api/v1/links"}, new String[] {"GET", "/api/v1/events"},
            new String[] {"GET", "/api/v1/ui/metadata"}, new String[] {"GET", "/api/v1/ui/views"}, new String[] {"POST", "/api/v1/ui/views"},
            new String[] {"GET", "/api/v1/ui/quickfind"}, new String[] {"GET", "/api/admin/api-keys"}, new String[] {"POST", "/api/admin/api-keys"},
            new String[] {"GET", "/api/admin/webhooks"}, new String[] {"GET", "/api/admin/custom-fields"},
            new String[] {"GET", "/api/admin/dictionaries/partner_tier/values"}, new String[] {"GET", "/api/admin/modules"},
            new String[] {"GET", "/api/admin/modules/partners/history"}, new String[] {"GET", "/api/admin/modules/partners/manifest"},
            new String[] {"POST", "/api/v1/events/partners.PartnerTierChanged"}, new String[] {"POST", "/api/v1/links"},
            new String[] {"GET", "/api/v1/ui/auth"});

    private final long seed;

    ClaimCases(long seed) {
        this.seed = seed;
    }

    HttpCase make(long index) {
        Hostile h = Seeds.hostile(seed, "claims", index);
        String[] endpoint = h.pick(ENDPOINTS);
        String token = h.chance(0.9) ? ForgedTokens.sign(claims(h).toString()) : odd(h);
        List<Header> headers = endpoint[0].equals("POST")
                ? List.of(new Header("Authorization", "Bearer " + token), new Header("Content-Type", "application/json"))
                : List.of(new Header("Authorization", "Bearer " + token));
        String query = endpoint[1].endsWith("search") || endpoint[1].endsWith("quickfind") ? "?q=fuzz" : "";
        return new HttpCase("claims", index, endpoint[0], endpoint[1] + query, List.of(), headers,
                endpoint[0].equals("POST") ? "{}".getBytes(StandardCharsets.UTF_8) : null, false);
    }

    private ObjectNode claims(Hostile h) {
        ObjectNode c = ForgedTokens.aliceClaims();
        c.put("tenant", "fuzz");
        int edits = h.between(1, 3);
        for (int i = 0; i < edits; i++) {
            String claim = h.pick(List.of("tenant", "tenant", "tenant", "sub", "sub", "preferred_username", "realm_access", "exp", "iat",
                    "nbf", "iss", "aud", "typ", "azp", "name", "groups", "scope"));
            switch (h.between(0, 4)) {
                case 0 -> c.remove(claim);
                case 1 -> c.set(claim, h.value(2));
                case 2 -> c.put(claim, h.text());
                case 3 -> c.set(claim, h.number());
                default -> c.set(claim, roles(h));
            }
        }
        return c;
    }

    private JsonNode roles(Hostile h) {
        ObjectNode access = Hostile.NODES.objectNode();
        access.set("roles", switch (h.between(0, 3)) {
            case 0 -> Hostile.NODES.arrayNode().add(h.shortText()).add("admin");
            case 1 -> h.value(2);
            case 2 -> Hostile.NODES.textNode("admin partner_manager");
            default -> {
                var many = Hostile.NODES.arrayNode();
                for (int i = h.between(100, 3000); i > 0; i--) {
                    many.add("r" + i);
                }
                yield many;
            }
        });
        return access;
    }

    /** Tokens that are not RS256 over an object: unsigned, other algorithms, payload not an object, broken parts. */
    private String odd(Hostile h) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String payload = b64.encodeToString(claims(h).toString().getBytes(StandardCharsets.UTF_8));
        return switch (h.between(0, 5)) {
            case 0 -> b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + payload + ".";
            case 1 -> b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + payload + "."
                    + b64.encodeToString("x".repeat(32).getBytes(StandardCharsets.UTF_8));
            case 2 -> ForgedTokens.sign(h.pick(List.of("[]", "null", "1", "\"x\"", "{", "{\"tenant\":\"fuzz\"", "")));
            case 3 -> ForgedTokens.sign(claims(h).toString()) + "." + payload;
            case 4 -> b64.encodeToString(("{\"alg\":\"RS256\",\"kid\":\"" + h.shortText().replace("\"", "") + "\"}").getBytes(StandardCharsets.UTF_8))
                    + "." + payload + "." + payload;
            default -> ForgedTokens.sign(claims(h).toString()).replace('.', h.pick(List.of(',', '-', '_')));
        };
    }
}
