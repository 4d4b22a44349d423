package io.prmos.engine.ui;

import static io.prmos.engine.ui.UiSpecs.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import io.prmos.engine.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CsvImportSpec {

    private static final String IMPORT = PARTNERS + "/import";

    private static int count(String prefix) {
        return given().queryParam("filter", "name startsWith '" + prefix + "'").queryParam("total", "exact")
                .get(PARTNERS).then().statusCode(200).extract().path("total");
    }

    @Test
    void validRowsAreCreatedAndInvalidOnesReportedByRow() {
        String p = prefix();
        List<Map<String, Object>> rows = List.of(
                map("name", p + "One", "tier", "gold", "score", 80),
                map("name", p + "Two", "tier", "diamond"),
                map("name", p + "Three", "score", 300, "nope", 1),
                map("name", p + "Four", "annual_target", map("amount", 10, "currency", "EUR")));
        json().body(map("rows", rows)).post(IMPORT).then().statusCode(200)
                .body("total", equalTo(4))
                .body("created", equalTo(2))
                .body("dryRun", equalTo(false))
                .body("failed.row", contains(2, 3))
                .body("failed[0].errors.field", contains("tier"))
                .body("failed[1].errors.field", containsInAnyOrder("score", "nope"))
                .body("failed[0].errors[0].message", not(emptyOrNullString()));
        given().queryParam("filter", "name startsWith '" + p + "'").queryParam("sort", "name").get(PARTNERS).then()
                .body("items.name", contains(p + "Four", p + "One"));
    }

    @Test
    void aDryRunReportsTheSameAndCreatesNothing() {
        String p = prefix();
        json().body(map("rows", List.of(map("name", p + "A"), map("tier", "gold"))))
                .queryParam("dryRun", "true").post(IMPORT).then().statusCode(200)
                .body("created", equalTo(1)).body("dryRun", equalTo(true))
                .body("failed.row", contains(2)).body("failed[0].errors.field", contains("name"));
        org.junit.jupiter.api.Assertions.assertEquals(0, count(p));
    }

    @Test
    void aRowTheDatabaseRefusesIsReportedAndTheOthersKept() {
        String vat = "VAT" + prefix().substring(1, 9);
        String p = prefix();
        List<Map<String, Object>> rows = List.of(
                map("name", p + "Org A", "vat_number", vat),
                map("name", p + "Org B", "vat_number", vat),
                map("name", p + "Org C"));
        json().body(map("rows", rows)).post("/api/v1/organizations/organization/import").then().statusCode(200)
                .body("created", equalTo(2))
                .body("failed.row", contains(2))
                .body("failed[0].errors.field", contains("vat_number"))
                .body("failed[0].errors[0].code", equalTo("unique"));
        given().queryParam("filter", "name startsWith '" + p + "'").queryParam("sort", "name")
                .get("/api/v1/organizations/organization").then().body("items.name", contains(p + "Org A", p + "Org C"));
        String deal = prefix();
        json().body(map("rows", List.of(map("name", deal + "Ghost", "amount", map("amount", 1, "currency", "EUR"),
                        "partner", "00000000-0000-0000-0000-000000000000"))))
                .post(DEALS + "/import").then().statusCode(200)
                .body("created", equalTo(0)).body("failed[0].errors.field", contains("partner"));
    }

    @Test
    void permissionsAndLimitsApply() {
        json().header("Authorization", Tokens.bearer("bob")).body(map("rows", List.of(map("name", "x"))))
                .post(IMPORT).then().statusCode(403).contentType(startsWith("application/problem+json"));
        json().header("Authorization", Tokens.bearer("carol")).body(map("rows", List.of(map("name", "x"))))
                .post(IMPORT).then().statusCode(403);
        json().body(map("rows", "nope")).post(IMPORT).then().statusCode(422).body("errors[0].pointer", equalTo("/rows"));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 5001; i++) {
            tooMany.add(map("name", "x"));
        }
        json().body(map("rows", tooMany)).post(IMPORT).then().statusCode(422);
        json().body(map("rows", List.of())).queryParam("dryRun", "maybe").post(IMPORT).then().statusCode(400);
    }

    @Test
    void importedRecordsBelongToTheImportersTenant() {
        String p = prefix();
        json().header("Authorization", Tokens.bearer("dave")).body(map("rows", List.of(map("name", p + "Globex only"))))
                .post(IMPORT).then().statusCode(200).body("created", equalTo(1));
        org.junit.jupiter.api.Assertions.assertEquals(0, count(p));
    }
}
