package io.prmos.engine.ui;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import io.prmos.engine.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UiMetadataSpec {

    private static final String METADATA = "/api/v1/ui/metadata";

    @Test
    void metadataIsPerCallerAndCachedByEtag() {
        String etag = given().get(METADATA).then().statusCode(200)
                .contentType(startsWith("application/json"))
                .header("Cache-Control", allOf(containsString("private"), containsString("no-cache")))
                .body("user.username", equalTo("alice"))
                .body("user.tenant", equalTo("acme"))
                .body("user.roles", contains("admin", "partner_manager", "platform_operator"))
                .body("entities.'partners.Partner'.api", equalTo("/api/v1/partners/partner"))
                .body("entities.'partners.Partner'.actions.create", equalTo(true))
                .body("entities.'partners.Partner'.fields.name", hasItem("annual_target"))
                .extract().header("ETag");
        given().header("If-None-Match", etag).get(METADATA).then().statusCode(304).header("ETag", etag);
        given().header("If-None-Match", "\"stale\"").get(METADATA).then().statusCode(200);
    }

    @Test
    void bobAndCarolGetTheirOwnFilteredDocument() {
        given().header("Authorization", Tokens.bearer("bob")).get(METADATA).then().statusCode(200)
                .body("user.username", equalTo("bob"))
                .body("entities.'partners.Partner'.fields.name", not(hasItem("annual_target")))
                .body("entities.'partners.Partner'.actions.create", equalTo(false))
                .body("entities.'deals.Deal'.actions.create", equalTo(true));
        given().header("Authorization", Tokens.bearer("carol")).get(METADATA).then().statusCode(200)
                .body("entities", not(hasKey("deals.Deal")))
                .body("entities.'partners.Partner'.detail.slots.sidebar", hasSize(0));
    }

    @Test
    void metadataNeedsAuthentication() {
        given().header("Authorization", "").get(METADATA).then().statusCode(401);
    }

    @Test
    void authConfigurationIsPublicAndListsTheDevUsers() {
        given().header("Authorization", "").get("/api/v1/ui/auth").then().statusCode(200)
                .body("mode", equalTo("dev"))
                .body("users.username", hasItems("alice", "bob", "carol", "dave"))
                .body("users.find { it.username == 'dave' }.tenant", equalTo("globex"))
                .body("users.find { it.username == 'alice' }.roles", contains("partner_manager", "admin", "platform_operator"));
    }
}
