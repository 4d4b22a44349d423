package io.prmos.engine.audit;

import static io.prmos.engine.audit.AuditApi.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import io.prmos.engine.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** GET /api/v1/activity: record writes and publishes, newest first, as each caller may see them. */
@QuarkusTest
class ActivitySpec {

    private static final String ACTIVITY = "/api/v1/activity";

    @Test
    void createUpdateDeleteAndRestoreOfAPartnerAreLoggedNewestFirst() {
        String id = create(PARTNERS, map("name", prefix() + "Logged"));
        json().body(map("score", 40)).patch(PARTNERS + "/" + id).then().statusCode(200);
        given().delete(PARTNERS + "/" + id).then().statusCode(204);
        given().post(PARTNERS + "/" + id + "/restore").then().statusCode(200);

        String urn = "urn:prm:partners:partner:" + id;
        given().queryParam("entity", "partners.Partner").queryParam("limit", 500).get(ACTIVITY).then().statusCode(200)
                .body("items.findAll { it.target == '" + urn + "' }.action", contains("restored", "deleted", "updated", "created"))
                .body("items.findAll { it.target == '" + urn + "' }.actor", everyItem(equalTo(Tokens.subject("alice"))))
                .body("items.findAll { it.target == '" + urn + "' }.summary",
                        contains("Restored Partner", "Deleted Partner", "Updated Partner (1 field)", "Created Partner"))
                .body("items.findAll { it.target == '" + urn + "' }.recordId", everyItem(equalTo(id)))
                .body("items.findAll { it.target == '" + urn + "' }.requestId", everyItem(notNullValue()));
    }

    @Test
    void filtersByActionActorAndTime() {
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);
        String id = create(PARTNERS, map("name", prefix() + "Filtered"));
        given().delete(PARTNERS + "/" + id).then().statusCode(204);
        String urn = "urn:prm:partners:partner:" + id;

        given().queryParam("action", "deleted").queryParam("after", before.toString()).get(ACTIVITY).then().statusCode(200)
                .body("items.action", everyItem(equalTo("deleted")))
                .body("items.target", hasItem(urn));
        given().queryParam("actor", Tokens.subject("bob")).get(ACTIVITY).then().statusCode(200)
                .body("items.target", not(hasItem(urn)));
        given().queryParam("after", "yesterday").get(ACTIVITY).then().statusCode(400).contentType(PROBLEM_JSON);
        given().queryParam("entity", "nowhere.Thing").get(ACTIVITY).then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void nonAdminsSeeOnlyEntriesAboutRecordsTheyMayRead() {
        String p = prefix();
        String active = create(PARTNERS, map("name", p + "Visible", "active", true));
        String dormant = create(PARTNERS, map("name", p + "Dormant", "active", false));
        String carol = Tokens.bearer("carol");

        given().header("Authorization", carol).queryParam("limit", 500).get(ACTIVITY).then().statusCode(200)
                .body("items.target", hasItem("urn:prm:partners:partner:" + active))
                .body("items.target", not(hasItem("urn:prm:partners:partner:" + dormant)))
                .body("items.action", not(hasItem("published")));
        given().header("Authorization", Tokens.bearer("dave")).queryParam("limit", 500).get(ACTIVITY).then().statusCode(200)
                .body("items.target", not(hasItem("urn:prm:partners:partner:" + active)));
    }

    @Test
    void publishingAModuleIsLoggedForAdmins() {
        String module = "act" + prefix().substring(1, 9).replace('-', '_');
        publish(module, "apiVersion: prm/v1\nmodule: " + module + "\nversion: 1.0.0\nentities:\n  Note:\n    fields:\n"
                + "      text: { type: text }\n");

        given().queryParam("action", "published").get(ACTIVITY).then().statusCode(200)
                .body("items.find { it.target == 'urn:prm:module:" + module + "' }.summary", equalTo("Published " + module + " 1.0.0"))
                .body("items.find { it.target == 'urn:prm:module:" + module + "' }.actor", equalTo(Tokens.subject("alice")));
        given().header("Authorization", Tokens.bearer("bob")).queryParam("action", "published").get(ACTIVITY).then()
                .statusCode(200).body("items", empty());
    }
}
