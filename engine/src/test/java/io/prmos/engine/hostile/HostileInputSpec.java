package io.prmos.engine.hostile;

import static io.prmos.engine.hostile.Refusals.refused;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prmos.engine.testing.ForgedTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 5: input any signed-in caller can send that used to answer 500 (or 200 and a
 * broken stream). Every case must be a 4xx problem+json and change nothing.
 */
@QuarkusTest
class HostileInputSpec {

    static final String PARTNERS = "/api/v1/partners/partner";
    static final String DEALS = "/api/v1/deals/deal";
    static final String ORGANIZATIONS = "/api/v1/organizations/organization";
    static final String NUL = "\u0000";
    /** A JSON string escape of U+0000, as a hostile client writes it in a body. */
    static final String JSON_NUL = "\\u0000";

    static RequestSpecification json() {
        return given().contentType("application/json");
    }

    static String prefix() {
        return "h" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    static String create(String collection, String body) {
        Response response = json().body(body).post(collection);
        assertEquals(201, response.statusCode(), response.asString());
        return response.path("id");
    }

    // ---- numbers beyond any column: 1e400 ----

    @Test
    void hugeNumbersInNumberDecimalAndMoneyFieldsAre4xxOnEveryWritePath() {
        String p = prefix();
        String partner = create(PARTNERS, "{\"name\":\"" + p + "partner\"}");
        String deal = create(DEALS, "{\"name\":\"" + p + "deal\",\"partner\":\"" + partner + "\",\"amount\":{\"amount\":10,\"currency\":\"EUR\"}}");
        for (String huge : List.of("1e400", "-1e400", "1E+400", "1e-400", "123456789e999999999", "1e2147483648")) {
            refused("create integer " + huge, json().body("{\"name\":\"" + p + "x\",\"score\":" + huge + "}").post(PARTNERS));
            refused("create money " + huge, json().body("{\"name\":\"" + p + "x\",\"partner\":\"" + partner
                    + "\",\"amount\":{\"amount\":" + huge + ",\"currency\":\"EUR\"}}").post(DEALS));
            refused("create decimal " + huge, json().body("{\"name\":\"" + p + "x\",\"partner\":\"" + partner
                    + "\",\"amount\":{\"amount\":1,\"currency\":\"EUR\"},\"probability\":" + huge + "}").post(DEALS));
            refused("create json " + huge, json().body("{\"name\":\"" + p + "x\",\"partner\":\"" + partner
                    + "\",\"amount\":{\"amount\":1,\"currency\":\"EUR\"},\"details\":{\"n\":" + huge + "}}").post(DEALS));
            refused("patch " + huge, json().body("{\"probability\":" + huge + "}").patch(DEALS + "/" + deal));
            refused("put " + huge, json().body("{\"name\":\"" + p + "deal\",\"partner\":\"" + partner
                    + "\",\"amount\":{\"amount\":" + huge + ",\"currency\":\"EUR\"}}").put(DEALS + "/" + deal));
            refused("bulk " + huge, json().body("{\"operations\":[{\"op\":\"create\",\"data\":{\"name\":\"" + p
                    + "x\",\"score\":" + huge + "}}]}").post(PARTNERS + "/bulk"));
            Response imported = json().body("{\"rows\":[{\"name\":\"" + p + "x\",\"employees\":" + huge + "}]}").post(ORGANIZATIONS + "/import");
            refused("import " + huge, imported);
        }
        given().queryParam("filter", "name startsWith '" + p + "x'").get(PARTNERS).then().statusCode(200).body("items", empty());
        given().queryParam("filter", "name startsWith '" + p + "x'").get(DEALS).then().statusCode(200).body("items", empty());
        given().queryParam("filter", "name startsWith '" + p + "x'").get(ORGANIZATIONS).then().statusCode(200).body("items", empty());
        given().get(DEALS + "/" + deal).then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void hugeNumbersInFilterLiteralsAre400() {
        refused("filter", 400, given().queryParam("filter", "score gt 1e400").get(PARTNERS));
        refused("filter", 400, given().queryParam("filter", "won_total gt 1e400").get(PARTNERS));
    }

    // ---- NUL: PostgreSQL cannot store U+0000 in text ----

    @Test
    void nulInQueryParametersIsRefusedBeforeAnythingRuns() {
        refused("filter value", 400, given().queryParam("filter", "name eq 'a" + NUL + "b'").get(PARTNERS));
        refused("filter contains", 400, given().queryParam("filter", "name contains '" + NUL + "'").get(PARTNERS));
        refused("filter in", 400, given().queryParam("filter", "tier in ('gold','" + NUL + "')").get(PARTNERS));
        refused("sort", 400, given().queryParam("sort", "name" + NUL).get(PARTNERS));
        refused("fields", 400, given().queryParam("fields", "name," + NUL).get(PARTNERS));
        refused("quick find", 400, given().queryParam("q", "ab" + NUL + "cd").get("/api/v1/ui/quickfind"));
        refused("search", 400, given().queryParam("q", "ab" + NUL + "cd").get("/api/v1/search"));
        for (String param : List.of("actor", "action", "entity", "after", "cursor")) {
            refused("activity " + param, 400, given().queryParam(param, "x" + NUL).get("/api/v1/activity"));
        }
        refused("recycle bin", 400, given().queryParam("entity", "partners.Partner" + NUL).get("/api/v1/recycle-bin"));
        refused("saved views", 400, given().queryParam("entity", "partners.Partner" + NUL).get("/api/v1/ui/views"));
        refused("events", 400, given().queryParam("type", "partners." + NUL).get("/api/v1/events"));
        refused("links", 400, given().queryParam("type", "x" + NUL).get("/api/v1/links"));
    }

    @Test
    void aCsvExportWithNulInTheFilterIsRefusedBeforeTheStreamStarts() {
        refused("export", 400, given().queryParam("filter", "name eq '" + NUL + "'").get(PARTNERS + "/export"));
        refused("export", 400, given().queryParam("filter", "name contains 'a" + NUL + "'").queryParam("sort", "name")
                .get(PARTNERS + "/export"));
    }

    @Test
    void nulInPathSegmentsIsRefused() {
        for (String path : List.of("/api/admin/modules/part%00ners/history", "/api/admin/modules/part%00ners/manifest",
                "/api/admin/modules/part%00ners/dependents", "/api/v1/part%00ners/partner", "/api/v1/partners/part%00ner",
                PARTNERS + "/%00", "/api/admin/dictionaries/partner%00tier/values", "/api/admin/webhooks/%00",
                "/api/admin/custom-fields/partners.Partner/cf%00x")) {
            refused(path, given().urlEncodingEnabled(false).get(path));
        }
        refused("rollback", given().urlEncodingEnabled(false).queryParam("dryRun", "true").post("/api/admin/modules/x%00/rollback"));
        refused("purge", given().urlEncodingEnabled(false).queryParam("dryRun", "true").post("/api/admin/modules/x%00/purge"));
        refused("manifest version", given().queryParam("version", "1.0" + NUL).get("/api/admin/modules/partners/manifest"));
    }

    @Test
    void nulInCursorsIsRefused() {
        String signature = Integer.toHexString(("name|null").hashCode());
        String cursor = cursor("{\"s\":\"" + signature + "\",\"v\":[\"a" + JSON_NUL + "\",\"" + UUID.randomUUID() + "\"]}");
        refused("cursor value", 400, given().queryParam("sort", "name").queryParam("cursor", cursor).get(PARTNERS))
                .then().body("errors[0].parameter", equalTo("cursor"));
        refused("history cursor", 400, given().queryParam("cursor", "1" + NUL).get(PARTNERS + "/" + UUID.randomUUID() + "/history"));
    }

    @Test
    void nulInStoredNamesIsRefused() {
        String p = prefix();
        refused("saved view", json().body("{\"entity\":\"partners.Partner\",\"name\":\"" + p + JSON_NUL + "\",\"filter\":\"\",\"sort\":[],"
                + "\"columns\":[\"name\"],\"isDefault\":false}").post("/api/v1/ui/views"));
        refused("saved view filter", json().body("{\"entity\":\"partners.Partner\",\"name\":\"" + p + "\",\"filter\":\"name eq '"
                + JSON_NUL + "'\",\"sort\":[],\"columns\":[\"name\"],\"isDefault\":false}").post("/api/v1/ui/views"));
        refused("api key", json().body("{\"name\":\"" + p + JSON_NUL + "\",\"roles\":[\"partner_viewer\"]}").post("/api/admin/api-keys"));
        refused("webhook name", json().body("{\"name\":\"" + p + JSON_NUL + "\",\"events\":\"partners.*\",\"url\":\"https://example.org/h\"}")
                .post("/api/admin/webhooks"));
        refused("webhook url", json().body("{\"name\":\"" + p + "\",\"events\":\"partners.*\",\"url\":\"https://example.org/" + JSON_NUL + "\"}")
                .post("/api/admin/webhooks"));
        refused("custom field label", json().body("{\"entity\":\"partners.Partner\",\"name\":\"cf_" + p.substring(1, 9)
                + "\",\"field\":{\"type\":\"text\",\"label\":\"L" + JSON_NUL + "\"}}").post("/api/admin/custom-fields"));
        refused("record text", json().body("{\"name\":\"" + p + JSON_NUL + "\"}").post(PARTNERS));
        refused("record json", json().body("{\"name\":\"" + p + "\",\"partner\":\"" + UUID.randomUUID()
                + "\",\"amount\":{\"amount\":1,\"currency\":\"EUR\"},\"details\":{\"k\":\"" + JSON_NUL + "\"}}").post(DEALS));
        refused("record json key", json().body("{\"name\":\"" + p + "\",\"partner\":\"" + UUID.randomUUID()
                + "\",\"amount\":{\"amount\":1,\"currency\":\"EUR\"},\"details\":{\"k" + JSON_NUL + "\":1}}").post(DEALS));
        refused("resolve", json().body("{\"urns\":[\"urn:prm:partners:partner:" + JSON_NUL + "\"]}").post("/api/v1/resolve"));
        refused("event", json().body("{\"partner\":\"" + JSON_NUL + "\"}").post("/api/v1/events/partners.PartnerTierChanged"));
        given().get("/api/admin/api-keys").then().statusCode(200).body("items.name.flatten()", not(hasItem(startsWith(p))));
    }

    // ---- forged cursors ----

    @Test
    void aForgedCursorWithANullTieBreakerIs400() {
        String signature = Integer.toHexString(("won_total|null").hashCode());
        assertEquals("cfa6a688", signature, "the cursor of the report");
        refused("null id", 400, given().queryParam("sort", "won_total")
                .queryParam("cursor", "eyJzIjogImNmYTZhNjg4IiwgInYiOiBbIjUiLCBudWxsXX0").get(PARTNERS))
                .then().body("errors[0].parameter", equalTo("cursor"));
        String nameSignature = Integer.toHexString(("-created_at|null").hashCode());
        refused("null created_at", 400, given().queryParam("sort", "-created_at")
                .queryParam("cursor", cursor("{\"s\":\"" + nameSignature + "\",\"v\":[null,\"" + UUID.randomUUID() + "\"]}")).get(PARTNERS));
        refused("number", 400, given().queryParam("sort", "won_total")
                .queryParam("cursor", cursor("{\"s\":\"cfa6a688\",\"v\":[\"1e400\",\"" + UUID.randomUUID() + "\"]}")).get(PARTNERS));
        refused("object", 400, given().queryParam("sort", "won_total")
                .queryParam("cursor", cursor("{\"s\":\"cfa6a688\",\"v\":[{\"a\":1},[1]]}")).get(PARTNERS));
        refused("not an object", 400, given().queryParam("cursor", cursor("[1,2]")).get(PARTNERS));
        refused("not base64 json", 400, given().queryParam("cursor", "!!!").get(PARTNERS));
    }

    static String cursor(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    // ---- tenant claims of the wrong type ----

    /** Every endpoint family; each must refuse a token whose tenant cannot name a tenant. */
    static final List<String[]> ENDPOINTS = List.of(
            new String[] {"GET", PARTNERS, null},
            new String[] {"GET", PARTNERS + "/" + UUID.randomUUID(), null},
            new String[] {"POST", PARTNERS, "{\"name\":\"x\"}"},
            new String[] {"PATCH", PARTNERS + "/" + UUID.randomUUID(), "{\"name\":\"x\"}"},
            new String[] {"PUT", PARTNERS + "/" + UUID.randomUUID(), "{\"name\":\"x\"}"},
            new String[] {"DELETE", PARTNERS + "/" + UUID.randomUUID(), null},
            new String[] {"POST", PARTNERS + "/" + UUID.randomUUID() + "/restore", null},
            new String[] {"POST", PARTNERS + "/bulk", "{\"operations\":[]}"},
            new String[] {"GET", PARTNERS + "/" + UUID.randomUUID() + "/children", null},
            new String[] {"GET", PARTNERS + "/" + UUID.randomUUID() + "/links", null},
            new String[] {"GET", PARTNERS + "/" + UUID.randomUUID() + "/history", null},
            new String[] {"DELETE", PARTNERS + "/" + UUID.randomUUID() + "/purge", null},
            new String[] {"GET", PARTNERS + "/export", null},
            new String[] {"POST", PARTNERS + "/import", "{\"rows\":[]}"},
            new String[] {"POST", DEALS + "/" + UUID.randomUUID() + "/transitions/qualify", null},
            new String[] {"GET", "/api/v1/activity", null},
            new String[] {"GET", "/api/v1/recycle-bin", null},
            new String[] {"GET", "/api/v1/search?q=x", null},
            new String[] {"POST", "/api/v1/resolve", "{\"urns\":[]}"},
            new String[] {"GET", "/api/v1/links", null},
            new String[] {"POST", "/api/v1/links", "{}"},
            new String[] {"GET", "/api/v1/events", null},
            new String[] {"POST", "/api/v1/events/partners.PartnerTierChanged", "{}"},
            new String[] {"GET", "/api/v1/ui/metadata", null},
            new String[] {"GET", "/api/v1/ui/views", null},
            new String[] {"POST", "/api/v1/ui/views", "{}"},
            new String[] {"GET", "/api/v1/ui/quickfind?q=x", null},
            new String[] {"GET", "/api/admin/api-keys", null},
            new String[] {"POST", "/api/admin/api-keys", "{}"},
            new String[] {"GET", "/api/admin/webhooks", null},
            new String[] {"POST", "/api/admin/webhooks", "{}"},
            new String[] {"GET", "/api/admin/custom-fields", null},
            new String[] {"GET", "/api/admin/dictionaries/partner_tier/values", null},
            new String[] {"GET", "/api/admin/modules", null},
            new String[] {"GET", "/api/admin/modules/partners/history", null},
            new String[] {"GET", "/api/admin/modules/partners/manifest", null},
            new String[] {"GET", "/api/admin/modules/partners/dependents", null},
            new String[] {"POST", "/api/admin/modules?dryRun=true", "{\"modules\":[]}"},
            new String[] {"POST", "/api/admin/modules/partners/rollback?dryRun=true", null});

    static Response send(String token, String[] endpoint) {
        RequestSpecification request = given().urlEncodingEnabled(false).header("Authorization", token);
        if (endpoint[2] != null) {
            request = request.contentType("application/json").body(endpoint[2]);
        }
        return request.request(endpoint[0], endpoint[1]);
    }

    @Test
    void aTenantClaimThatIsNotAPlainStringIs401OnEveryEndpoint() {
        List<Consumer<com.fasterxml.jackson.databind.node.ObjectNode>> claims = List.of(
                c -> c.putArray("tenant").add("acme"),
                c -> c.putArray("tenant").add("acme").add("globex"),
                c -> c.put("tenant", 42),
                c -> c.put("tenant", true),
                c -> c.putObject("tenant").put("id", "acme"),
                c -> c.put("tenant", "acme" + NUL),
                c -> c.put("tenant", ""),
                c -> c.put("tenant", "   "),
                c -> c.put("tenant", "x".repeat(10_000)),
                c -> c.putNull("tenant"),
                c -> c.remove("tenant"));
        for (int i = 0; i < claims.size(); i++) {
            String token = ForgedTokens.bearer(claims.get(i));
            for (String[] endpoint : ENDPOINTS) {
                refused("claim variant " + i + " on " + endpoint[0] + " " + endpoint[1], 401, send(token, endpoint))
                        .then().body("detail", containsString("tenant"));
            }
        }
    }

    @Test
    void subjectsUsernamesAndRolesOfTheWrongTypeAreRefused() {
        List<Consumer<com.fasterxml.jackson.databind.node.ObjectNode>> claims = List.of(
                c -> c.put("sub", 42),
                c -> c.putArray("sub").add("x"),
                c -> c.put("sub", "a" + NUL),
                c -> c.remove("sub"),
                c -> c.put("preferred_username", 7),
                c -> c.putObject("preferred_username"),
                c -> c.put("preferred_username", "al" + NUL + "ice"),
                c -> c.putObject("realm_access").put("roles", "admin"),
                c -> c.putObject("realm_access").putObject("roles").put("admin", true),
                c -> c.putObject("realm_access").putArray("roles").add(1).addNull(),
                c -> c.put("realm_access", "admin"));
        for (int i = 0; i < claims.size(); i++) {
            String token = ForgedTokens.bearer(claims.get(i));
            for (String[] endpoint : ENDPOINTS) {
                Response response = send(token, endpoint);
                if (response.statusCode() >= 400) {
                    refused("claim variant " + i + " on " + endpoint[0] + " " + endpoint[1], response);
                }
                assertEquals(true, response.statusCode() < 500, "claim variant " + i + " on " + endpoint[1] + ": " + response.asString());
            }
        }
    }
}
