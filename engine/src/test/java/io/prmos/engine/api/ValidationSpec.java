package io.prmos.engine.api;

import static io.prmos.engine.api.Api.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ValidationSpec {

    private static final String NO_SUCH_ID = "6a1d7d0e-2b51-4b9e-9a63-0c1b2a3d4e5f";

    @Test
    void everyViolationOfAPartnerIsReportedTogether() {
        String p = prefix();
        json().body(map("tier", "diamond", "types", List.of("reseller", "pirate"), "score", 101,
                        "contact_email", "not-an-email", "website", "ftp//nope", "joined_on", "2024-02-30",
                        "annual_target", money(10, "JPY"), "colour", "blue", "organization", "not-a-uuid",
                        "notes", p))
                .post(PARTNERS).then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://prmos.io/problems/validation"))
                .body("status", equalTo(422))
                .body("title", equalTo("Invalid record"))
                .body("errors.pointer", containsInAnyOrder("/name", "/tier", "/types", "/score", "/contact_email",
                        "/website", "/joined_on", "/annual_target", "/colour", "/organization"))
                .body("errors.find { it.pointer == '/name' }.code", equalTo("required"))
                .body("errors.find { it.pointer == '/tier' }.message", containsString("diamond"))
                .body("errors.find { it.pointer == '/types' }.message", containsString("pirate"))
                .body("errors.find { it.pointer == '/score' }.message", equalTo("must be at most 100"))
                .body("errors.find { it.pointer == '/contact_email' }.message", containsString("email"))
                .body("errors.find { it.pointer == '/website' }.message", containsString("URL"))
                .body("errors.find { it.pointer == '/joined_on' }.message", containsString("date"))
                .body("errors.find { it.pointer == '/annual_target' }.message", containsString("[EUR, USD, GBP]"))
                .body("errors.find { it.pointer == '/colour' }.code", equalTo("unknown"))
                .body("errors.find { it.pointer == '/organization' }.message", containsString("uuid"));
        given().queryParam("filter", "name startsWith '" + p + "'").get(PARTNERS).then().body("items", empty());
    }

    @Test
    void lengthPatternAndMinimumOfAnOrganization() {
        json().body(map("name", "x".repeat(201), "country", "de", "employees", -1, "legal_name", "y".repeat(301),
                        "annual_revenue", money(5, "euro")))
                .post(ORGANIZATIONS).then()
                .statusCode(422)
                .body("errors.pointer", containsInAnyOrder("/name", "/country", "/employees", "/legal_name", "/annual_revenue"))
                .body("errors.find { it.pointer == '/name' }.message", equalTo("must be at most 200 characters"))
                .body("errors.find { it.pointer == '/legal_name' }.message", equalTo("must be at most 300 characters"))
                .body("errors.find { it.pointer == '/country' }.message", containsString("^[A-Z]{2}$"))
                .body("errors.find { it.pointer == '/employees' }.message", equalTo("must be at least 0"))
                .body("errors.find { it.pointer == '/annual_revenue' }.message", containsString("ISO 4217"));
    }

    @Test
    void minLengthAndTheExactBoundariesPass() {
        json().body(map("name", "n", "country", "D")).post(ORGANIZATIONS).then().statusCode(422)
                .body("errors.pointer", contains("/country"))
                .body("errors[0].message", equalTo("must be at least 2 characters"));
        json().body(map("name", prefix() + "z".repeat(180), "country", "DE", "employees", 0)).post(ORGANIZATIONS).then()
                .statusCode(201).body("country", equalTo("DE")).body("employees", equalTo(0));
        json().body(map("name", prefix() + "edge", "score", 100)).post(PARTNERS).then().statusCode(201).body("score", equalTo(100));
    }

    @Test
    void readOnlyUuidAndDecimalRulesOfADeal() {
        String partner = partner(prefix() + "Dealer");
        json().body(map("name", prefix() + "Deal", "amount", money(1, "EUR"), "partner", partner,
                        "registration_id", "c56a4180-65aa-42ec-a945-5fd21dec0538", "probability", 100.5,
                        "close_date", "31/12/2026", "customer", 42))
                .post(DEALS).then()
                .statusCode(422)
                .body("errors.pointer", containsInAnyOrder("/registration_id", "/probability", "/close_date", "/customer"))
                .body("errors.find { it.pointer == '/registration_id' }.code", equalTo("readOnly"))
                .body("errors.find { it.pointer == '/probability' }.message", equalTo("must be at most 100"));
    }

    @Test
    void wrongJsonTypesAreTypeViolations() {
        json().body(map("name", 12, "score", "high", "active", "yes", "types", "reseller", "annual_target", 100))
                .post(PARTNERS).then()
                .statusCode(422)
                .body("errors.pointer", containsInAnyOrder("/name", "/score", "/active", "/types", "/annual_target"))
                .body("errors.code", everyItem(equalTo("type")));
    }

    @Test
    void aBlankRequiredTextAndAnExplicitNullAreRefused() {
        json().body(map("name", "   ")).post(PARTNERS).then().statusCode(422)
                .body("errors.pointer", contains("/name")).body("errors[0].message", equalTo("must not be blank"));
        json().body(map("name", null)).post(PARTNERS).then().statusCode(422)
                .body("errors.pointer", contains("/name")).body("errors[0].code", equalTo("required"));
    }

    @Test
    void aReferenceToAMissingOrganizationIs422OnThatField() {
        String p = prefix();
        json().body(map("name", p + "Orphan", "organization", NO_SUCH_ID)).post(PARTNERS).then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/organization"))
                .body("errors[0].code", equalTo("reference"))
                .body("errors[0].message", containsString(NO_SUCH_ID));
        given().queryParam("filter", "name startsWith '" + p + "'").get(PARTNERS).then().body("items", empty());
    }

    @Test
    void aReferenceToADeletedOrganizationIs422() {
        String org = organization(prefix() + "Closed");
        given().delete(ORGANIZATIONS + "/" + org).then().statusCode(204);
        json().body(map("name", prefix() + "Late", "organization", org)).post(PARTNERS).then()
                .statusCode(422).body("errors.pointer", contains("/organization"));
    }

    @Test
    void aReferenceToAMissingParentPartnerIs422() {
        json().body(map("name", prefix() + "Child", "parent", NO_SUCH_ID)).post(PARTNERS).then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/parent"))
                .body("errors[0].code", equalTo("reference"));
    }

    @Test
    void patchIsValidatedTooAndLeavesTheRecordAlone() {
        String id = createId(PARTNERS, map("name", prefix() + "Valid", "score", 5));
        json().body(map("score", -1, "annual_target", money(1, "CHF"))).patch(PARTNERS + "/" + id).then()
                .statusCode(422)
                .body("errors.pointer", containsInAnyOrder("/score", "/annual_target"));
        given().get(PARTNERS + "/" + id).then().header("ETag", "\"1\"").body("score", equalTo(5));
    }

    @Test
    void aBodyThatIsNotAnObjectIs422() {
        json().body("[1,2]").post(PARTNERS).then().statusCode(422).contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/"))
                .body("errors[0].code", equalTo("type"));
    }
}
