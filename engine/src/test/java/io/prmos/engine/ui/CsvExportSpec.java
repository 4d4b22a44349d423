package io.prmos.engine.ui;

import static io.prmos.engine.ui.UiSpecs.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prmos.engine.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CsvExportSpec {

    @Test
    void exportsTheMatchingRecordsWithQuotingAndDefusedFormulas() {
        String p = prefix();
        create(PARTNERS, map("name", p + "Alpha, \"the first\"", "tier", "gold", "score", 90, "types", List.of("reseller", "technology"),
                "annual_target", map("amount", 1000.5, "currency", "EUR"), "notes", "=HYPERLINK(\"http://evil\")"));
        create(PARTNERS, map("name", p + "Beta", "tier", "silver", "score", 10));
        create(PARTNERS, map("name", p + "Gamma", "tier", "gold", "score", 50));

        String csv = given().queryParam("filter", "name startsWith '" + p + "' and tier eq 'gold'").queryParam("sort", "-score")
                .queryParam("fields", "name,tier,score,types,annual_target,notes")
                .get(PARTNERS + "/export").then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("partners-partner.csv"))
                .extract().asString();
        List<String> lines = List.of(csv.split("\r\n"));
        assertEquals("Name,Tier,Score,Partner types,Annual target (amount),Annual target (currency),Notes", lines.get(0));
        assertEquals("\"" + p + "Alpha, \"\"the first\"\"\",gold,90,reseller|technology,1000.5,EUR,\"'=HYPERLINK(\"\"http://evil\"\")\"",
                lines.get(1));
        assertEquals(p + "Gamma,gold,50,,,,", lines.get(2));
        assertEquals(3, lines.size(), csv);
    }

    @Test
    void headersCanBeFieldNamesAndHiddenFieldsDoNotExist() {
        String p = prefix();
        create(PARTNERS, map("name", p + "Named", "annual_target", map("amount", 5, "currency", "USD")));
        String csv = given().queryParam("filter", "name eq '" + p + "Named'").queryParam("fields", "id,name,annual_target")
                .queryParam("header", "names").get(PARTNERS + "/export").then().statusCode(200).extract().asString();
        assertEquals("id,name,annual_target.amount,annual_target.currency", csv.split("\r\n")[0]);

        given().header("Authorization", Tokens.bearer("bob")).queryParam("fields", "name,annual_target")
                .get(PARTNERS + "/export").then().statusCode(400).contentType(startsWith("application/problem+json"));
        String bobs = given().header("Authorization", Tokens.bearer("bob")).queryParam("filter", "name eq '" + p + "Named'")
                .get(PARTNERS + "/export").then().statusCode(200).extract().asString();
        assertEquals(2, bobs.split("\r\n").length, bobs);
        org.junit.jupiter.api.Assertions.assertFalse(bobs.contains("Annual target"), bobs);
        org.junit.jupiter.api.Assertions.assertTrue(bobs.startsWith("Id,Name,Tier"), bobs);
    }

    @Test
    void permissionsAndTenantsApply() {
        String p = prefix();
        create(PARTNERS, map("name", p + "Inactive", "active", false));
        create(PARTNERS, map("name", p + "Active", "active", true));
        String carols = given().header("Authorization", Tokens.bearer("carol")).queryParam("filter", "name startsWith '" + p + "'")
                .queryParam("fields", "name").get(PARTNERS + "/export").then().statusCode(200).extract().asString();
        assertEquals("Name\r\n" + p + "Active\r\n", carols);
        String daves = given().header("Authorization", Tokens.bearer("dave")).queryParam("filter", "name startsWith '" + p + "'")
                .queryParam("fields", "name").get(PARTNERS + "/export").then().statusCode(200).extract().asString();
        assertEquals("Name\r\n", daves);
        given().header("Authorization", Tokens.bearer("carol")).get(DEALS + "/export").then().statusCode(403);
        given().queryParam("filter", "tier eq").get(PARTNERS + "/export").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void exportPagesThroughMoreThanOneListPage() {
        String p = prefix();
        List<Object> creates = new java.util.ArrayList<>();
        for (int i = 0; i < 1005; i++) {
            creates.add(map("op", "create", "data", map("name", p + String.format("%04d", i))));
        }
        json().body(map("operations", creates.subList(0, 1000))).post(PARTNERS + "/bulk").then().statusCode(200);
        json().body(map("operations", creates.subList(1000, 1005))).post(PARTNERS + "/bulk").then().statusCode(200);
        String csv = given().queryParam("filter", "name startsWith '" + p + "'").queryParam("sort", "name").queryParam("fields", "name")
                .get(PARTNERS + "/export").then().statusCode(200).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(1006, lines.length);
        assertEquals(p + "0000", lines[1]);
        assertEquals(p + "1004", lines[1005]);
    }
}
