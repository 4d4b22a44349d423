package io.prmos.engine.agents;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prmos.engine.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The test engine configures no model: agents are listed, a run is refused with a 503 naming the setting,
 * nothing is stored; a run started by an event is stored and fails at once with that setting as reason.
 */
@QuarkusTest
class AgentWithoutModelSpec {

    @Test
    void aRunWithoutAConfiguredModelIs503AndNamesTheSetting() {
        given().get("/api/v1/agents").then().statusCode(200)
                .body("items.name", hasItem("partners.partner-analyst"))
                .body("items.find { it.name == 'partners.partner-analyst' }.configured", equalTo(false));
        given().contentType(ContentType.JSON).body("{\"input\":\"hello\"}").post("/api/v1/agents/partners.partner-analyst/runs")
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("prm.agents.models.default.model-name"));
        // runs started by DealWon events of other specs fail without a model too; none was started by hand
        given().get("/api/v1/agents/runs?agent=partners.partner-analyst").then().statusCode(200)
                .body("items.findAll { it.trigger == 'manual' }.size()", equalTo(0));
        given().header("Authorization", Tokens.bearer("dave")).get("/api/v1/agents").then().statusCode(200);
    }

    @Test
    void anEventRunWithoutAModelIsStoredAndFailsNamingTheSetting() throws Exception {
        String partner = given().contentType(ContentType.JSON).body(Map.of("name", "Modelless " + UUID.randomUUID()))
                .post("/api/v1/partners/partner").then().statusCode(201).extract().path("id");
        String deal = given().contentType(ContentType.JSON).body(Map.of("name", "Modelless deal", "partner", partner,
                "amount", Map.of("amount", 10, "currency", "EUR"))).post("/api/v1/deals/deal").then().statusCode(201).extract().path("id");
        for (String t : List.of("qualify", "propose", "win")) {
            given().post("/api/v1/deals/deal/" + deal + "/transitions/" + t).then().statusCode(200);
        }
        String runs = "/api/v1/agents/runs?agent=partners.partner-analyst&status=failed&limit=200";
        String mine = "items.findAll { it.trigger == 'event' && it.instructions.contains('" + deal + "') }";
        long until = System.currentTimeMillis() + 20_000;
        List<Map<String, Object>> failed = List.of();
        while (failed.isEmpty() && System.currentTimeMillis() < until) {
            Thread.sleep(200);
            failed = given().get(runs).then().statusCode(200).extract().path(mine);
        }
        assertTrue(!failed.isEmpty(), "no failed event run for deal " + deal);
        assertTrue(String.valueOf(failed.get(0).get("reason")).contains("prm.agents.models.default.model-name"), failed.toString());
    }
}
