package io.prmos.engine.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.prmos.engine.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** API keys: created by tenant admins, shown once, stored hashed, scoped to tenant and roles, revocable. */
@QuarkusTest
class ApiKeySpec {

    private static final String KEYS = "/api/admin/api-keys";
    private static final String PARTNERS = "/api/v1/partners/partner";

    @Inject
    Pool owner;

    private static String create(String name, List<String> roles) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name, "roles", roles)).post(KEYS)
                .then().statusCode(201)
                .body("key", startsWith("prm_"))
                .body("tenant", equalTo("acme"))
                .body("roles", equalTo(roles))
                .extract().path("key");
    }

    @Test
    void aKeyIsShownOnceStoredHashedAndActsWithItsRolesInItsTenant() {
        String name = "worker-" + UUID.randomUUID();
        String key = create(name, List.of("sales_rep"));
        String id = ApiKeySecrets.parse(key).orElseThrow().id().toString();

        given().get(KEYS).then().statusCode(200)
                .body("items.find { it.name == '" + name + "' }.id", equalTo(id))
                .body("items.find { it.name == '" + name + "' }.key", nullValue());
        String stored = owner.preparedQuery("SELECT secret_hash FROM prm_kernel.api_key WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().atMost(Duration.ofSeconds(10)).iterator().next().getString(0);
        String secret = ApiKeySecrets.parse(key).orElseThrow().secret();
        assertNotEquals(secret, stored);
        assertEquals(ApiKeySecrets.hash(secret), stored);

        String partner = given().contentType(ContentType.JSON).body(Map.of("name", name, "notes", "secret notes"))
                .post(PARTNERS).then().statusCode(201).extract().path("id");
        given().header("Authorization", "ApiKey " + key).get(PARTNERS + "/" + partner).then().statusCode(200)
                .body("name", equalTo(name))
                .body("$", not(org.hamcrest.Matchers.hasKey("notes")));
        given().header("Authorization", "ApiKey " + key).contentType(ContentType.JSON).body(Map.of("name", "x"))
                .post(PARTNERS).then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + Tokens.bearer("dave").substring(7)).get(KEYS).then().statusCode(200)
                .body("items.id", not(hasItem(id)));
    }

    @Test
    void aRevokedKeyIsRefusedAtOnce() {
        String key = create("revoked-" + UUID.randomUUID(), List.of("partner_viewer"));
        String id = ApiKeySecrets.parse(key).orElseThrow().id().toString();
        given().header("Authorization", "ApiKey " + key).get(PARTNERS).then().statusCode(200);
        given().delete(KEYS + "/" + id).then().statusCode(204);
        given().header("Authorization", "ApiKey " + key).get(PARTNERS).then().statusCode(401)
                .contentType("application/problem+json").body("type", endsWith("/unauthorized"));
        given().delete(KEYS + "/" + id).then().statusCode(404);
    }

    @Test
    void onlyAdminsManageKeysAndOnlyKnownRolesAreGranted() {
        given().header("Authorization", Tokens.bearer("bob")).get(KEYS).then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("bob")).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "roles", List.of("sales_rep"))).post(KEYS).then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "roles", List.of("superuser"))).post(KEYS)
                .then().statusCode(422).body("errors[0].pointer", equalTo("/roles/0"))
                .body("errors[0].message", containsString("unknown role 'superuser'"));
        given().contentType(ContentType.JSON).body(Map.of("name", "", "roles", List.of())).post(KEYS)
                .then().statusCode(422);
    }

    @Test
    void malformedAndUnknownKeysAre401() {
        given().header("Authorization", "ApiKey nonsense").get(PARTNERS).then().statusCode(401)
                .contentType("application/problem+json");
        String unknown = ApiKeySecrets.format(UUID.randomUUID(), ApiKeySecrets.newSecret());
        given().header("Authorization", "ApiKey " + unknown).get(PARTNERS).then().statusCode(401)
                .contentType("application/problem+json");
        String key = create("tampered-" + UUID.randomUUID(), List.of("sales_rep"));
        String tampered = key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A");
        given().header("Authorization", "ApiKey " + tampered).get(PARTNERS).then().statusCode(401);
    }
}
