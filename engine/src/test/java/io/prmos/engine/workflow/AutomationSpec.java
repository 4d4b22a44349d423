package io.prmos.engine.workflow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import io.prmos.engine.hooks.HookSpecAccess;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Automations run after commit from the event log: the test module's automation creates a note for
 * every thing created with a score above 100, and for no other.
 */
@QuarkusTest
class AutomationSpec {

    @Test
    void anAutomationCreatesARecordWhenItsConditionHoldsOnTheEvent() throws InterruptedException {
        HookSpecAccess.install();
        String p = "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
        given().contentType(ContentType.JSON).body(Map.of("name", p + "small", "score", 50)).post(HookSpecAccess.THINGS)
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("name", p + "big", "score", 150)).post(HookSpecAccess.THINGS)
                .then().statusCode(201);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            int found = given().queryParam("filter", "text eq 'automation: " + p + "big'").get(HookSpecAccess.NOTES)
                    .then().statusCode(200).extract().path("items.size()");
            if (found == 1) {
                break;
            }
            Thread.sleep(200);
        }
        given().queryParam("filter", "text eq 'automation: " + p + "big'").get(HookSpecAccess.NOTES).then()
                .body("items.size()", equalTo(1));
        given().queryParam("filter", "text eq 'automation: " + p + "small'").get(HookSpecAccess.NOTES).then()
                .body("items.size()", equalTo(0));
    }
}
