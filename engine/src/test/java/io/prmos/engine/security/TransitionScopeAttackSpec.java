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
 * Workflow transitions and record scope (issue 11, item 11): a transition needs its role and the
 * caller's update scope on the record (bob, a sales rep with {@code update: own}, cannot lose alice's
 * deal), unless the manifest declares the transition {@code rowScope: read}.
 */
@QuarkusTest
class TransitionScopeAttackSpec {

    private static final String DEALS = "/api/v1/deals/deal";

    @Test
    void aSalesRepCannotMoveSomeoneElsesDeal() {
        String p = "ts" + UUID.randomUUID().toString().substring(0, 8);
        String partner = as("alice").body(Map.of("name", p + " partner")).post("/api/v1/partners/partner").then().statusCode(201)
                .extract().path("id");
        String alices = deal("alice", p + " alice's", partner);
        String bobs = deal("bob", p + " bob's", partner);

        for (String transition : List.of("lose", "qualify")) {
            as("bob").post(DEALS + "/" + alices + "/transitions/" + transition).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        as("alice").get(DEALS + "/" + alices).then().statusCode(200).body("stage", equalTo("registered")).body("version", equalTo(1));
        as("bob").post(DEALS + "/" + bobs + "/transitions/lose").then().statusCode(200).body("stage", equalTo("lost"));
        as("alice").post(DEALS + "/" + alices + "/transitions/lose").then().statusCode(200).body("stage", equalTo("lost"));
    }

    @Test
    void aManifestMayLetATransitionIgnoreTheUpdateScope() {
        String module = "tsx" + UUID.randomUUID().toString().substring(0, 8).replace('-', '_');
        String manifest = "apiVersion: prm/v1\nmodule: " + module + "\nversion: 1.0.0\n"
                + "requires: { organizations: \"^1.0\" }\n"
                + "dictionaries:\n  ticket_state: [open, escalated, closed]\n"
                + "entities:\n  Ticket:\n    fields:\n"
                + "      name: { type: text }\n"
                + "      state: { type: dictionary, dictionary: ticket_state, default: open }\n"
                + "    workflow:\n      field: state\n      initial: open\n      transitions:\n"
                + "        escalate: { from: [open], to: escalated, roles: [sales_rep, partner_manager], rowScope: read }\n"
                + "        close: { from: [open, escalated], to: closed, roles: [sales_rep, partner_manager] }\n"
                + "permissions:\n"
                + "  partner_manager:\n    Ticket: { read: all, create: true, update: all }\n"
                + "  sales_rep:\n    Ticket: { read: all, create: true, update: own }\n";
        as("alice").body(Map.of("modules", List.of(Map.of("file", module + "/module.yaml", "source", manifest))))
                .post("/api/admin/modules").then().statusCode(200);
        String tickets = "/api/v1/" + module + "/ticket";
        String id = as("alice").body(Map.of("name", "printer on fire")).post(tickets).then().statusCode(201).extract().path("id");

        as("bob").post(tickets + "/" + id + "/transitions/close").then().statusCode(403);
        as("bob").post(tickets + "/" + id + "/transitions/escalate").then().statusCode(200).body("state", equalTo("escalated"));
    }

    private static String deal(String user, String name, String partner) {
        return as(user).body(Map.of("name", name, "partner", partner, "amount", Map.of("amount", 1000, "currency", "EUR")))
                .post(DEALS).then().statusCode(201).extract().path("id");
    }

    private static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
