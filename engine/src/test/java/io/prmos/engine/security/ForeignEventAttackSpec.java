package io.prmos.engine.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.prmos.engine.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Custom events about records the emitter may not use (issue 11, item 10): every URN in a payload
 * must name a record of the caller's tenant that they can read; a foreign, missing, deleted or
 * unreadable record is refused alike (422), before anything is written.
 */
@QuarkusTest
class ForeignEventAttackSpec {

    private static final String PARTNERS = "/api/v1/partners/partner";
    private static final String EMIT = "/api/v1/events/partners.PartnerTierChanged";

    @Test
    void aGlobexManagerCannotEmitAnEventAboutAnAcmePartner() {
        String acme = created("alice", "fe" + UUID.randomUUID().toString().substring(0, 8) + " acme");
        String urn = "urn:prm:partners:partner:" + acme;
        as("dave").body(Map.of("partner", urn, "to", "gold")).post(EMIT).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/partner"))
                .body("errors[0].code", equalTo("unknown-record"));
        as("alice").body(Map.of("partner", urn, "to", "gold")).post(EMIT).then().statusCode(202);
    }

    @Test
    void missingDeletedAndMalformedRecordsAreRefusedAlike() {
        String deleted = created("alice", "fe" + UUID.randomUUID().toString().substring(0, 8) + " deleted");
        as("alice").delete(PARTNERS + "/" + deleted).then().statusCode(204);
        for (String urn : List.of("urn:prm:partners:partner:" + UUID.randomUUID(), "urn:prm:partners:partner:" + deleted,
                "urn:prm:nowhere:thing:" + UUID.randomUUID(), "urn:prm:partners:partner:not-a-uuid")) {
            as("alice").body(Map.of("partner", urn, "to", "gold")).post(EMIT).then().statusCode(422)
                    .body("errors[0].pointer", equalTo("/partner")).body("errors[0].code", equalTo("unknown-record"));
        }
    }

    private static String created(String user, String name) {
        return as(user).body(Map.of("name", name)).post(PARTNERS).then().statusCode(201).extract().path("id");
    }

    private static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
