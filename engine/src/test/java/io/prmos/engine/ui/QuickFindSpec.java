package io.prmos.engine.ui;

import static io.prmos.engine.ui.UiSpecs.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import io.prmos.engine.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class QuickFindSpec {

    private static final String FIND = "/api/v1/ui/quickfind";

    @Test
    void findsRecordsOfSeveralEntitiesCaseInsensitively() {
        String p = prefix();
        String partner = create(PARTNERS, map("name", p + "Northwind Traders", "tier", "gold"));
        String org = create("/api/v1/organizations/organization", map("name", p + "NORTHWIND Holding"));
        create(PARTNERS, map("name", p + "Contoso"));
        given().queryParam("q", p + "northwind").get(FIND).then().statusCode(200)
                .body("groups.entity", hasItems("partners.Partner", "organizations.Organization"))
                .body("groups.find { it.entity == 'partners.Partner' }.label", equalTo("Partners"))
                .body("groups.find { it.entity == 'partners.Partner' }.items.id", contains(partner))
                .body("groups.find { it.entity == 'partners.Partner' }.items[0].display", equalTo(p + "Northwind Traders (Gold)")) // the label, not the code
                .body("groups.find { it.entity == 'partners.Partner' }.items[0].route", equalTo("/o/partners/partner/" + partner))
                .body("groups.find { it.entity == 'organizations.Organization' }.items.id", contains(org));
    }

    @Test
    void limitsPermissionsAndTenantsApply() {
        String p = prefix();
        for (int i = 0; i < 4; i++) {
            create(PARTNERS, map("name", p + "Many " + i, "active", i % 2 == 0));
        }
        create(DEALS, map("name", p + "Many deal", "amount", map("amount", 5, "currency", "EUR"),
                "partner", create(PARTNERS, map("name", "other " + p))));
        given().queryParam("q", p + "many").queryParam("limit", "2").get(FIND).then().statusCode(200)
                .body("groups.find { it.entity == 'partners.Partner' }.items", hasSize(2))
                .body("groups.entity", hasItem("deals.Deal"));
        given().header("Authorization", Tokens.bearer("carol")).queryParam("q", p + "many").get(FIND).then().statusCode(200)
                .body("groups.entity", not(hasItem("deals.Deal")))
                .body("groups.find { it.entity == 'partners.Partner' }.items", hasSize(2));
        given().header("Authorization", Tokens.bearer("dave")).queryParam("q", p + "many").get(FIND).then().statusCode(200)
                .body("groups", hasSize(0));
        given().queryParam("q", " ").get(FIND).then().statusCode(400).contentType(startsWith("application/problem+json"));
        given().queryParam("q", "x").queryParam("limit", "500").get(FIND).then().statusCode(400);
        given().header("Authorization", "").queryParam("q", "x").get(FIND).then().statusCode(401);
    }
}
