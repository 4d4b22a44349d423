package io.prmos.engine.api;

import static io.prmos.engine.api.Api.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every operator of the filter language over HTTP. Each test gets four partners (Alpha, Bravo,
 * Charlie, Delta) and three deals under its own name prefix and checks exactly which come back.
 */
@QuarkusTest
class ListFilterSpec {

    private String p;
    private String orgX;
    private String orgY;
    private String alpha;

    @BeforeEach
    void fixture() {
        p = prefix();
        orgX = organization(p + "OrgX");
        orgY = organization(p + "OrgY");
        alpha = createId(PARTNERS, map("name", p + "Alpha", "tier", "gold", "types", List.of("reseller", "technology"),
                "region", "emea", "score", 80, "joined_on", "2024-01-10", "active", true, "organization", orgX,
                "contact_email", "alpha@example.com"));
        create(PARTNERS, map("name", p + "Bravo", "tier", "silver", "types", List.of("referral"), "region", "amer",
                "score", 50, "joined_on", "2023-06-01", "active", false, "parent", alpha, "organization", orgY));
        create(PARTNERS, map("name", p + "Charlie", "tier", "platinum", "score", 20));
        create(PARTNERS, map("name", p + "Delta_100%", "tier", "registered", "types", List.of("technology"),
                "region", "apac", "score", 50, "joined_on", "2025-03-03"));
        create(DEALS, map("name", p + "Small", "amount", money(50, "EUR"), "partner", alpha, "close_date", "2026-01-31"));
        // the stage changes only through the workflow's transitions
        String medium = createId(DEALS, map("name", p + "Medium", "amount", money("150.25", "EUR"), "partner", alpha));
        for (String transition : List.of("qualify", "propose", "win")) {
            given().post(DEALS + "/" + medium + "/transitions/" + transition).then().statusCode(200);
        }
        create(DEALS, map("name", p + "Large", "amount", money(500, "USD"), "partner", alpha, "close_date", "2026-12-31",
                "customer", orgX));
    }

    /** Names (without the prefix) of the partners matching {@code filter}, in name order. */
    private List<String> partners(String filter) {
        return names(PARTNERS, filter);
    }

    private List<String> names(String collection, String filter) {
        List<String> names = given().queryParam("filter", "name startsWith '" + p + "' and (" + filter + ")")
                .queryParam("sort", "name").get(collection)
                .then().statusCode(200).contentType(startsWith("application/json"))
                .extract().path("items.name");
        return names.stream().map(n -> n.substring(p.length())).toList();
    }

    @Test
    void eqAndNeOnText() {
        assertEquals(List.of("Bravo"), partners("name eq '" + p + "Bravo'"));
        assertEquals(List.of("Alpha", "Charlie", "Delta_100%"), partners("name ne '" + p + "Bravo'"));
    }

    @Test
    void comparisonsOnAnInteger() {
        assertEquals(List.of("Charlie"), partners("score lt 50"));
        assertEquals(List.of("Bravo", "Charlie", "Delta_100%"), partners("score lte 50"));
        assertEquals(List.of("Alpha"), partners("score gt 50"));
        assertEquals(List.of("Alpha", "Bravo", "Delta_100%"), partners("score gte 50"));
        assertEquals(List.of("Bravo", "Delta_100%"), partners("score eq 50"));
        assertEquals(List.of("Alpha", "Charlie"), partners("score ne 50"));
        assertEquals(List.of("Alpha", "Charlie"), partners("score in (20, 80, 99)"));
        assertEquals(List.of("Bravo", "Delta_100%"), partners("score nin (20, 80)"));
    }

    @Test
    void containsAndStartsWithTreatWildcardsLiterally() {
        assertEquals(List.of("Bravo"), partners("name contains 'rav'"));
        assertEquals(List.of("Delta_100%"), partners("name contains '%'"));
        assertEquals(List.of("Delta_100%"), partners("name contains '_1'"));
        assertEquals(List.of("Charlie"), partners("name startsWith '" + p + "Ch'"));
        assertEquals(List.of(), partners("name startsWith '" + p + "_'"));
    }

    @Test
    void dictionaryInNinAndNulls() {
        assertEquals(List.of("Alpha", "Charlie"), partners("tier in ('gold', 'platinum')"));
        assertEquals(List.of("Bravo", "Delta_100%"), partners("tier nin ('gold', 'platinum')"));
        assertEquals(List.of("Bravo", "Charlie", "Delta_100%"), partners("region ne 'emea'"));
        assertEquals(List.of("Bravo", "Charlie", "Delta_100%"), partners("region nin ('emea')"));
        assertEquals(List.of("Charlie"), partners("region isNull"));
        assertEquals(List.of("Alpha", "Bravo", "Delta_100%"), partners("region isNull false"));
        assertEquals(List.of("Charlie"), partners("region isNull true"));
    }

    @Test
    void multidictionaryMembership() {
        assertEquals(List.of("Alpha", "Delta_100%"), partners("types eq 'technology'"));
        assertEquals(List.of("Bravo"), partners("types contains 'referral'"));
        assertEquals(List.of("Bravo", "Charlie"), partners("types ne 'technology'"));
        assertEquals(List.of("Alpha", "Bravo", "Delta_100%"), partners("types in ('referral', 'technology')"));
        assertEquals(List.of("Bravo", "Charlie"), partners("types nin ('technology')"));
        assertEquals(List.of("Charlie"), partners("types isNull"));
        assertEquals(List.of("Alpha", "Bravo", "Delta_100%"), partners("types isNull false"));
    }

    @Test
    void datesAndBooleans() {
        assertEquals(List.of("Alpha", "Delta_100%"), partners("joined_on gte '2024-01-01'"));
        assertEquals(List.of("Bravo"), partners("joined_on lt '2024-01-01'"));
        assertEquals(List.of("Alpha"), partners("joined_on eq '2024-01-10'"));
        assertEquals(List.of("Alpha", "Bravo"), partners("joined_on lte '2024-01-10'"));
        assertEquals(List.of("Delta_100%"), partners("joined_on gt '2024-01-10'"));
        assertEquals(List.of("Charlie"), partners("joined_on isNull"));
        assertEquals(List.of("Bravo"), partners("active eq false"));
        assertEquals(List.of("Alpha", "Charlie", "Delta_100%"), partners("active ne false"));
    }

    @Test
    void references() {
        assertEquals(List.of("Alpha"), partners("organization eq '" + orgX + "'"));
        assertEquals(List.of("Alpha", "Bravo"), partners("organization in ('" + orgX + "', '" + orgY + "')"));
        assertEquals(List.of("Bravo"), partners("parent eq '" + alpha + "'"));
        assertEquals(List.of("Bravo"), partners("parent isNull false"));
        assertEquals(List.of("Charlie", "Delta_100%"), partners("organization isNull"));
        assertEquals(List.of("Large"), names(DEALS, "customer eq '" + orgX + "'"));
    }

    @Test
    void moneyByAmountAndByCurrency() {
        assertEquals(List.of("Large", "Medium"), names(DEALS, "amount.amount gt 100"));
        assertEquals(List.of("Medium", "Small"), names(DEALS, "amount.currency eq 'EUR'"));
        assertEquals(List.of("Medium"), names(DEALS, "amount.amount gt 100 and amount.currency eq 'EUR'"));
        assertEquals(List.of("Medium"), names(DEALS, "amount.amount eq 150.25"));
        assertEquals(List.of("Small"), names(DEALS, "amount.amount lte 50"));
        assertEquals(List.of("Large"), names(DEALS, "close_date gt '2026-06-30' and stage eq 'registered'"));
    }

    @Test
    void andOrNotAndPrecedence() {
        assertEquals(List.of("Alpha"), partners("(tier eq 'gold' or tier eq 'silver') and score gte 60"));
        assertEquals(List.of("Alpha", "Bravo"), partners("tier eq 'gold' or tier eq 'silver' and score lt 60"));
        assertEquals(List.of("Charlie"), partners("tier eq 'platinum' or tier eq 'silver' and active eq true"));
        assertEquals(List.of("Bravo", "Delta_100%"), partners("not (tier eq 'gold' or region isNull)"));
        assertEquals(List.of("Alpha", "Charlie"), partners("not score eq 50"));
        assertEquals(List.of("Bravo"), partners("not not name contains 'rav'"));
    }

    @Test
    void aFieldThatIsNotFilterableIs400() {
        given().queryParam("filter", "notes eq 'x'").get(PARTNERS).then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://prmos.io/problems/invalid-query"))
                .body("errors[0].parameter", equalTo("filter"))
                .body("detail", equalTo("field 'notes' is not filterable"));
    }

    @Test
    void anUnknownFieldIs400() {
        given().queryParam("filter", "colour eq 'red'").get(PARTNERS).then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].parameter", equalTo("filter"))
                .body("detail", containsString("unknown field 'colour'"));
        given().queryParam("filter", "amount.cents gt 1").get(DEALS).then().statusCode(400)
                .body("detail", containsString("cents"));
    }

    @Test
    void aSyntaxErrorIs400WithItsPosition() {
        given().queryParam("filter", "score eq").get(PARTNERS).then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].parameter", equalTo("filter"))
                .body("detail", containsString("at position 8"))
                // docs/query.md: "the problem carries its 0-based character position"
                .body("position", equalTo(8));
        given().queryParam("filter", "tier eq gold").get(PARTNERS).then()
                .statusCode(400)
                .body("detail", containsString("quote text"))
                .body("position", equalTo(8));
    }

    @Test
    void operatorsAndLiteralsMustFitTheFieldType() {
        assertBadFilter("tier gt 'gold'", "does not apply");
        assertBadFilter("score contains '5'", "does not apply");
        assertBadFilter("score eq 'many'", "score");
        assertBadFilter("joined_on eq 'yesterday'", "date");
        assertBadFilter("organization eq 'acme'", "uuid");
        assertBadFilter("region eq null", "isNull");
        assertBadFilter("organization eq $user.id", "variables");
    }

    private static void assertBadFilter(String filter, String detailPart) {
        given().queryParam("filter", filter).get(PARTNERS).then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].parameter", equalTo("filter"))
                .body("detail", containsString(detailPart));
    }

    private static void assertEquals(List<String> expected, List<String> actual) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual);
    }
}
