package io.prmos.engine.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.prmos.engine.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Privilege escalation through API keys (issue 11, item 3): a key never holds a role the chain of
 * callers that created it lacks, and only a platform operator hands out {@code platform_operator}.
 */
@QuarkusTest
class DelegationAttackSpec {

    private static final String KEYS = "/api/admin/api-keys";
    private static final String PARTNERS = "/api/v1/partners/partner";

    @Test
    void anAdminKeyCannotMintAKeyWithRolesItLacks() {
        String p = "dk" + UUID.randomUUID().toString().substring(0, 8);
        as("alice").body(Map.of("name", p, "notes", p + " hidden notes")).post(PARTNERS).then().statusCode(201);
        String adminKey = key(Tokens.bearer("alice"), p + " admin", List.of("admin"));

        for (List<String> roles : List.of(List.of("partner_manager"), List.of("admin", "partner_manager"), List.of("sales_rep"),
                List.of("platform_operator"))) {
            given().header("Authorization", "ApiKey " + adminKey).contentType(ContentType.JSON)
                    .body(Map.of("name", p + " escalated", "roles", roles)).post(KEYS).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        String child = key("ApiKey " + adminKey, p + " child", List.of("admin"));
        given().header("Authorization", "ApiKey " + child).contentType(ContentType.JSON)
                .body(Map.of("name", p + " grandchild", "roles", List.of("partner_manager"))).post(KEYS).then().statusCode(403);
        as("alice").get(KEYS).then().statusCode(200).body("items.name", not(hasItem(p + " escalated")))
                .body("items.name", not(hasItem(p + " grandchild")));
        given().header("Authorization", "ApiKey " + adminKey).queryParam("filter", "name eq '" + p + "'").get(PARTNERS)
                .then().statusCode(403);
    }

    @Test
    void aKeyMayPassOnRolesItHolds() {
        String p = "dk" + UUID.randomUUID().toString().substring(0, 8);
        String manager = key(Tokens.bearer("alice"), p + " manager", List.of("admin", "partner_manager"));
        String reader = key("ApiKey " + manager, p + " reader", List.of("partner_manager"));
        given().header("Authorization", "ApiKey " + reader).get(PARTNERS).then().statusCode(200);
    }

    @Test
    void onlyAPlatformOperatorGrantsThePlatformOperatorRole() {
        String p = "dk" + UUID.randomUUID().toString().substring(0, 8);
        as("dave").body(Map.of("name", p + " dave", "roles", List.of("platform_operator"))).post(KEYS).then().statusCode(403)
                .contentType("application/problem+json");
        as("dave").body(Map.of("name", p + " dave", "roles", List.of("partner_viewer"))).post(KEYS).then().statusCode(201)
                .body("roles", equalTo(List.of("partner_viewer")));
        as("alice").body(Map.of("name", p + " alice", "roles", List.of("platform_operator"))).post(KEYS).then().statusCode(201);
    }

    private static String key(String authorization, String name, List<String> roles) {
        return given().header("Authorization", authorization).contentType(ContentType.JSON)
                .body(Map.of("name", name, "roles", roles)).post(KEYS).then().statusCode(201).extract().path("key");
    }

    private static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
