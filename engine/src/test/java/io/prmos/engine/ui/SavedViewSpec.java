package io.prmos.engine.ui;

import static io.prmos.engine.ui.UiSpecs.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import io.prmos.engine.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SavedViewSpec {

    private static String createView(String user, String name, boolean isDefault) {
        return json().header("Authorization", Tokens.bearer(user))
                .body(map("entity", "partners.Partner", "name", name, "filter", "tier eq 'gold'", "sort", List.of("-score", "name"),
                        "columns", List.of("name", "tier", "score"), "isDefault", isDefault))
                .post(VIEWS).then().statusCode(201)
                .header("Location", containsString("/api/v1/ui/views/"))
                .body("entity", equalTo("partners.Partner"))
                .body("name", equalTo(name))
                .body("filter", equalTo("tier eq 'gold'"))
                .body("sort", contains("-score", "name"))
                .body("columns", contains("name", "tier", "score"))
                .body("isDefault", equalTo(isDefault))
                .extract().path("id");
    }

    @Test
    void anOwnerCreatesListsReplacesAndDeletesTheirViews() {
        String name = prefix() + "Gold partners";
        String id = createView("alice", name, false);
        given().queryParam("entity", "partners.Partner").get(VIEWS).then().statusCode(200)
                .body("find { it.id == '" + id + "' }.name", equalTo(name));

        json().body(map("name", name + " v2", "filter", "score gte 50", "sort", List.of("name"), "columns", List.of("name"), "isDefault", true))
                .put(VIEWS + "/" + id).then().statusCode(200)
                .body("name", equalTo(name + " v2")).body("filter", equalTo("score gte 50"))
                .body("sort", contains("name")).body("isDefault", equalTo(true));

        given().delete(VIEWS + "/" + id).then().statusCode(204);
        given().queryParam("entity", "partners.Partner").get(VIEWS).then().statusCode(200)
                .body("id", not(hasItem(id)));
        given().delete(VIEWS + "/" + id).then().statusCode(404);
    }

    @Test
    void onlyOneDefaultViewPerUserAndEntity() {
        String first = createView("alice", prefix() + "First", true);
        String second = createView("alice", prefix() + "Second", true);
        given().queryParam("entity", "partners.Partner").get(VIEWS).then().statusCode(200)
                .body("find { it.id == '" + first + "' }.isDefault", equalTo(false))
                .body("find { it.id == '" + second + "' }.isDefault", equalTo(true));
    }

    @Test
    void otherUsersAndOtherTenantsNeverSeeOrTouchAView() {
        String id = createView("alice", prefix() + "Private", false);
        for (String other : List.of("bob", "dave")) {
            given().header("Authorization", Tokens.bearer(other)).queryParam("entity", "partners.Partner").get(VIEWS)
                    .then().statusCode(200).body("id", not(hasItem(id)));
            given().header("Authorization", Tokens.bearer(other)).get(VIEWS).then().statusCode(200).body("id", not(hasItem(id)));
            json().header("Authorization", Tokens.bearer(other)).body(map("name", "mine now"))
                    .put(VIEWS + "/" + id).then().statusCode(404).contentType(startsWith("application/problem+json"));
            given().header("Authorization", Tokens.bearer(other)).delete(VIEWS + "/" + id).then().statusCode(404);
        }
        given().queryParam("entity", "partners.Partner").get(VIEWS).then().body("find { it.id == '" + id + "' }.name", endsWith("Private"));
    }

    @Test
    void aViewIsCheckedAgainstTheEntityAsItsOwnerSeesIt() {
        json().body(map("entity", "partners.Partner", "name", "", "filter", "tier eq", "sort", List.of("notes"),
                        "columns", List.of("name", "nope")))
                .post(VIEWS).then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body("errors.pointer", hasItems("/name", "/filter", "/sort", "/columns/1"));
        json().header("Authorization", Tokens.bearer("bob"))
                .body(map("entity", "partners.Partner", "name", "Targets", "columns", List.of("name", "annual_target")))
                .post(VIEWS).then().statusCode(422).body("errors.pointer", hasItem("/columns/1"));
        json().header("Authorization", Tokens.bearer("carol")).body(map("entity", "deals.Deal", "name", "Deals"))
                .post(VIEWS).then().statusCode(404);
        json().body(map("entity", "nothing.Here", "name", "x")).post(VIEWS).then().statusCode(404);
    }
}
