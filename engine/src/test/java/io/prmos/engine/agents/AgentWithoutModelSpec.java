package io.prmos.engine.agents;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.prmos.engine.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The test engine configures no model: agents are listed, a run is refused with a 503 naming the setting, nothing is stored. */
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
        given().get("/api/v1/agents/runs?agent=partners.partner-analyst").then().statusCode(200).body("items.size()", equalTo(0));
        given().header("Authorization", Tokens.bearer("dave")).get("/api/v1/agents").then().statusCode(200);
    }
}
