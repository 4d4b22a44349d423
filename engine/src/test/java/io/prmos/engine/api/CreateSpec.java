package io.prmos.engine.api;

import io.prmos.engine.testing.Tokens;

import static io.prmos.engine.api.Api.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CreateSpec {

    @Test
    void createAnswers201WithLocationEtagAndTheStoredRecord() {
        String name = prefix() + "Acme Partners";
        Response created = json().body(map("name", name, "tier", "gold", "types", List.of("reseller", "technology"),
                        "region", "emea", "score", 72, "contact_email", "ops@acme.example", "website", "https://acme.example",
                        "joined_on", "2024-02-29", "annual_target", money(125000.5, "EUR"), "notes", "first"))
                .post(PARTNERS);

        created.then().statusCode(201)
                .contentType(startsWith("application/json"))
                .header("ETag", "\"1\"")
                .header("Location", matchesPattern(".*/api/v1/partners/partner/[0-9a-f-]{36}$"))
                .body("name", equalTo(name))
                .body("tier", equalTo("gold"))
                .body("types", contains("reseller", "technology"))
                .body("region", equalTo("emea"))
                .body("score", equalTo(72))
                .body("contact_email", equalTo("ops@acme.example"))
                .body("joined_on", equalTo("2024-02-29"))
                .body("annual_target.amount", equalTo(125000.5f))
                .body("annual_target.currency", equalTo("EUR"))
                .body("version", equalTo(1))
                .body("created_by", equalTo(Tokens.subject("alice")))
                .body("updated_by", equalTo(Tokens.subject("alice")))
                .body("created_at", notNullValue())
                .body("deleted_at", nullValue());
        String id = created.path("id");
        assertThatLocationEndsWith(created.header("Location"), "/api/v1/partners/partner/" + id);
    }

    @Test
    void theLocationServesTheCreatedRecord() {
        String name = prefix() + "Located";
        Response created = create(PARTNERS, map("name", name, "score", 5));
        String location = created.header("Location");
        String path = location.substring(location.indexOf("/api/v1/"));

        given().get(path).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("id", equalTo(created.path("id")))
                .body("name", equalTo(name))
                .body("score", equalTo(5));
    }

    @Test
    void missingOptionalFieldsTakeTheirDefaultsOrNull() {
        json().body(map("name", prefix() + "Defaults")).post(PARTNERS).then().statusCode(201)
                .body("tier", equalTo("registered"))
                .body("score", equalTo(0))
                .body("active", equalTo(true))
                .body("region", nullValue())
                .body("annual_target", nullValue())
                .body("types", nullValue());
    }

    @Test
    void systemFieldsInTheBodyAreRefusedAndTheServerSetsThem() {
        // system columns in a body are a 422 readOnly (docs/input.md; every column: ProtocolEdgeSpec)
        String fakeId = "00000000-0000-0000-0000-000000000001";
        json().body(map("name", prefix() + "Sys", "id", fakeId, "version", 99, "created_by", "mallory"))
                .post(PARTNERS).then().statusCode(422)
                .body("errors.pointer", hasItems("/id", "/version", "/created_by"))
                .body("errors.code", everyItem(equalTo("readOnly")));
        json().body(map("name", prefix() + "Sys")).post(PARTNERS).then().statusCode(201)
                .body("id", not(equalTo(fakeId)))
                .body("version", equalTo(1))
                .body("created_by", equalTo(Tokens.subject("alice")));
    }

    @Test
    void aDealReferencesAPartnerAndACustomerAcrossModules() {
        String p = prefix();
        String partner = partner(p + "Seller");
        String customer = organization(p + "Buyer");
        json().body(map("name", p + "Big deal", "amount", money(1500, "USD"), "partner", partner, "customer", customer,
                        "probability", 12.5, "close_date", "2026-06-30", "details", map("source", "fair", "booth", 12)))
                .post(DEALS).then().statusCode(201)
                .header("Location", containsString("/api/v1/deals/deal/"))
                .body("partner", equalTo(partner))
                .body("customer", equalTo(customer))
                .body("stage", equalTo("registered"))
                .body("amount.amount", equalTo(1500))
                .body("amount.currency", equalTo("USD"))
                .body("probability", equalTo(12.5f))
                .body("details.source", equalTo("fair"))
                .body("details.booth", equalTo(12));
    }

    @Test
    void aSecondRecordWithTheSameUniqueValueIs409WithThePointerOfTheField() {
        String p = prefix();
        String vat = p + "VAT";
        create(ORGANIZATIONS, map("name", p + "First", "vat_number", vat));

        json().body(map("name", p + "Second", "vat_number", vat)).post(ORGANIZATIONS).then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://prmos.io/problems/conflict"))
                .body("status", equalTo(409))
                .body("errors.pointer", contains("/vat_number"))
                .body("errors.code", contains("unique"))
                .body("detail", not(containsString(vat)));
        given().queryParam("filter", "name startsWith '" + p + "'").queryParam("total", "exact").get(ORGANIZATIONS).then()
                .statusCode(200).body("total", equalTo(1)).body("items.name", contains(p + "First"));
    }

    private static void assertThatLocationEndsWith(String location, String suffix) {
        if (!location.endsWith(suffix)) {
            throw new AssertionError("Location " + location + " should end with " + suffix);
        }
    }
}
