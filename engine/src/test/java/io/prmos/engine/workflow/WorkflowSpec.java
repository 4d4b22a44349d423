package io.prmos.engine.workflow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prmos.engine.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sample deals module's workflow on its stages: the stage starts at registered and changes only
 * through transitions, which check the state they start from (409 with the allowed ones), their
 * guard (422 with its message) and the caller's roles (403), set fields, and emit events.
 */
@QuarkusTest
class WorkflowSpec {

    static final String DEALS = "/api/v1/deals/deal";
    static final String PARTNERS = "/api/v1/partners/partner";
    private String p;

    @Inject
    Pool pool;

    /** Payloads of the custom events of one type about one subject (URN), in outbox order, as the owner reads them. */
    private List<io.vertx.core.json.JsonObject> events(String type, String subject) {
        List<io.vertx.core.json.JsonObject> out = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT data FROM prm_kernel.event_outbox WHERE type = $1 AND subject = $2 ORDER BY id")
                .execute(Tuple.of(type, subject)).await().atMost(Duration.ofSeconds(10))) {
            out.add((io.vertx.core.json.JsonObject) row.getValue(0));
        }
        return out;
    }

    @BeforeEach
    void prefix() {
        p = "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    static RequestSpecification json() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.put((String) kv[i], kv[i + 1]);
        }
        return out;
    }

    private String partner() {
        return json().body(map("name", p + "partner")).post(PARTNERS).then().statusCode(201).extract().path("id");
    }

    private String deal(String partner, Object amount) {
        return json().body(map("name", p + "deal", "partner", partner, "amount", map("amount", amount, "currency", "EUR")))
                .post(DEALS).then().statusCode(201).body("stage", equalTo("registered")).extract().path("id");
    }

    private static String transition(String id, String name) {
        return DEALS + "/" + id + "/transitions/" + name;
    }

    @Test
    void theStageStartsAtTheInitialStateAndPlainWritesCannotChangeIt() {
        String id = deal(partner(), 1000);
        json().body(map("stage", "won")).patch(DEALS + "/" + id).then().statusCode(422)
                .body("errors[0].pointer", equalTo("/stage")).body("errors[0].code", equalTo("readOnly"));
        json().body(map("name", p + "x", "stage", "won", "partner", partner(), "amount", map("amount", 5, "currency", "EUR")))
                .post(DEALS).then().statusCode(422).body("errors[0].pointer", equalTo("/stage"));
        given().get(DEALS + "/" + id).then().body("stage", equalTo("registered"));
    }

    @Test
    void aTransitionChangesTheStateSetsFieldsAndEmitsItsEvent() {
        String id = deal(partner(), 1000);
        given().post(transition(id, "qualify")).then().statusCode(200)
                .body("stage", equalTo("qualified"))
                .body("probability", equalTo(20.0f))
                .body("weighted_amount", equalTo(200.0f))
                .body("version", equalTo(2));
        List<io.vertx.core.json.JsonObject> qualified = events("deals.DealQualified", "urn:prm:deals:deal:" + id);
        assertEquals(1, qualified.size(), qualified.toString());
        assertEquals("registered", qualified.get(0).getString("from"));
        assertEquals("qualified", qualified.get(0).getString("to"));
    }

    @Test
    void aFailedGuardIsA422WithTheGuardsMessage() {
        String id = deal(partner(), 0);
        given().post(transition(id, "qualify")).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://prmos.io/problems/transition-guard"))
                .body("detail", equalTo("A deal needs an amount above zero before it is qualified"))
                .body("state", equalTo("registered"));
        given().get(DEALS + "/" + id).then().body("stage", equalTo("registered")).body("version", equalTo(1));
    }

    @Test
    void anIllegalTransitionIsA409ListingTheAllowedOnes() {
        String id = deal(partner(), 1000);
        given().post(transition(id, "win")).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://prmos.io/problems/transition-not-allowed"))
                .body("state", equalTo("registered"))
                .body("allowed", equalTo(List.of("qualify", "lose")));
        given().post(transition(id, "teleport")).then().statusCode(404);
    }

    @Test
    void rolesDecideWhoMayPerformATransition() {
        String id = deal(partner(), 1000);
        given().post(transition(id, "qualify")).then().statusCode(200);
        given().post(transition(id, "propose")).then().statusCode(200);
        given().header("Authorization", Tokens.bearer("bob")).post(transition(id, "win")).then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("carol")).post(transition(id, "lose")).then().statusCode(403);
        // bob may negotiate deals, but this one is alice's and sales reps update only their own (issue 11)
        given().header("Authorization", Tokens.bearer("bob")).post(transition(id, "negotiate")).then().statusCode(403)
                .contentType("application/problem+json");
        given().post(transition(id, "negotiate")).then().statusCode(200).body("stage", equalTo("negotiation"));
        given().header("Authorization", Tokens.bearer("dave")).post(transition(id, "win")).then().statusCode(404);
        given().post(transition(id, "win")).then().statusCode(200).body("stage", equalTo("won")).body("probability", equalTo(100.0f));
    }

    @Test
    void theOpenApiDocumentListsTheTransitionsTheCallersRolesAllow() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/v1/deals/deal/{id}/transitions/win"))
                .body("paths", hasKey("/api/v1/deals/deal/{id}/transitions/qualify"));
        given().header("Authorization", Tokens.bearer("bob")).get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", not(hasKey("/api/v1/deals/deal/{id}/transitions/win")))
                .body("paths", hasKey("/api/v1/deals/deal/{id}/transitions/qualify"));
    }

    @Test
    void winningDealsRecomputesThePartnersWonTotalAndPromotesItsTier() {
        String partner = partner();
        given().get(PARTNERS + "/" + partner).then().body("tier", equalTo("registered"));
        String small = deal(partner, 40000);
        String large = deal(partner, "220000.50");
        for (String id : List.of(small, large)) {
            for (String step : List.of("qualify", "propose", "win")) {
                given().post(transition(id, step)).then().statusCode(200);
            }
        }
        given().get(PARTNERS + "/" + partner).then().statusCode(200)
                .body("won_total", equalTo(260000.5f))
                .body("tier", equalTo("gold"));
        List<io.vertx.core.json.JsonObject> changes = events("partners.PartnerTierChanged", "urn:prm:partners:partner:" + partner);
        assertEquals(1, changes.size(), "one promotion (registered -> gold): " + changes);
        assertEquals("gold", changes.get(0).getString("to"));
        assertEquals("registered", changes.get(0).getString("from"));
        assertEquals(0, new java.math.BigDecimal("260000.50").compareTo(new java.math.BigDecimal(changes.get(0).getValue("wonTotal").toString())));

        // a won deal reopened by deletion: the total drops, the tier stays (no automatic demotion)
        given().delete(DEALS + "/" + large).then().statusCode(204);
        given().get(PARTNERS + "/" + partner).then().body("won_total", equalTo(40000.0f)).body("tier", equalTo("gold"));
        json().body(map("won_total", 5)).patch(PARTNERS + "/" + partner).then().statusCode(422)
                .body("errors[0].pointer", equalTo("/won_total"));
    }
}
