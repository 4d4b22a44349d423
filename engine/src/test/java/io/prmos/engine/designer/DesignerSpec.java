package io.prmos.engine.designer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prmos.engine.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The designer's API (issue 14): validate a draft, type-check CEL, check record rules, review,
 * preview, drafts and publish — with bad input (400/422 problem+json, never 500) and callers who are
 * not platform operators (403: carol has no admin role, dave is globex's admin only).
 */
@QuarkusTest
class DesignerSpec {

    static final String API = "/api/designer";

    @Test
    void aValidDraftHasNoProblemsAndABrokenOneIsLocatedByLineColumnAndPointer() throws IOException {
        String partners = Files.readString(Path.of("../modules/partners/module.yaml"));
        as("alice").body(Map.of("source", partners, "file", "partners/module.yaml")).post(API + "/validate").then().statusCode(200)
                .body("valid", equalTo(true)).body("module", equalTo("partners")).body("problems.size()", equalTo(0));

        // the sample's field line goes on with a description: replace only its beginning
        String typo = partners.replace("      website: { type: url, label: Website", "      website: { type: url, lable: Website");
        assertTrue(!typo.equals(partners), "the sample manifest still declares the website field as expected");
        JsonPath bad = as("alice").body(Map.of("source", typo, "file", "partners/module.yaml")).post(API + "/validate")
                .then().statusCode(200).body("valid", equalTo(false)).extract().jsonPath();
        assertEquals("/entities/Partner/fields/website/lable", bad.getString("problems[0].pointer"));
        assertEquals(line(typo, "lable: Website"), bad.getInt("problems[0].line"));
        assertEquals(typo.lines().filter(l -> l.contains("lable")).findFirst().orElseThrow().indexOf("lable") + 1,
                bad.getInt("problems[0].column"));
        assertTrue(bad.getString("problems[0].message").contains("unknown key 'lable'"), bad.prettify());

        // semantic problems are checked against the installed module set, as a publish would
        String unknownTarget = partners.replace("to: organizations.Organization", "to: organizations.Company");
        as("alice").body(Map.of("source", unknownTarget)).post(API + "/validate").then().statusCode(200)
                .body("valid", equalTo(false)).body("problems[0].pointer", equalTo("/entities/Partner/fields/organization/to"))
                .body("problems[0].message", containsString("Company"));
        as("alice").body(Map.of("source", "module: [unclosed")).post(API + "/validate").then().statusCode(200)
                .body("valid", equalTo(false)).body("problems[0].line", equalTo(1));
    }

    @Test
    void badRequestsAreProblemsNeverServerErrors() {
        problem(as("alice").body("not json").post(API + "/validate"), 400);
        problem(as("alice").body("[1, 2]").post(API + "/validate"), 422);
        problem(as("alice").body(Map.of()).post(API + "/validate"), 422).body("errors[0].pointer", equalTo("/source"));
        problem(as("alice").body(Map.of("source", 42)).post(API + "/validate"), 422).body("errors[0].pointer", equalTo("/source"));
        problem(as("alice").body(Map.of("source", "x", "file", "../../etc/passwd")).post(API + "/validate"), 422)
                .body("errors[0].pointer", equalTo("/file"));
        problem(as("alice").body(Map.of("source", "x".repeat(DesignerRequest.MAX_SOURCE_CHARS + 1))).post(API + "/validate"), 422);
        String module = manifest(uniqueModule(), "1.0.0", "");
        problem(as("alice").body(Map.of("source", module)).post(API + "/check/expression"), 422).body("errors[0].pointer", equalTo("/entity"));
        problem(as("alice").body(Map.of("source", module, "entity", "Nope", "expression", "true")).post(API + "/check/expression"), 422)
                .body("errors[0].pointer", equalTo("/entity"));
        problem(as("alice").body(Map.of("source", module, "entity", "Ticket", "expression", "1", "field", "nope"))
                .post(API + "/check/expression"), 422).body("errors[0].pointer", equalTo("/field"));
        problem(as("alice").body(Map.of("source", "a: [", "entity", "Ticket", "rule", "x eq 1")).post(API + "/check/rule"), 422)
                .body("errors[0].pointer", equalTo("/source"));
        problem(as("alice").body(Map.of("source", module, "roles", List.of("Not A Role"))).post(API + "/preview"), 422)
                .body("errors[0].pointer", equalTo("/roles/0"));
        problem(as("alice").body(Map.of("source", "a: [")).post(API + "/preview"), 422);
        problem(as("alice").body(Map.of("source", module)).put(API + "/drafts/Bad-Name"), 404);
        problem(as("alice").body(Map.of("revision", "one")).post(API + "/drafts/" + uniqueModule() + "/publish"), 422);
        problem(as("alice").post(API + "/drafts/" + uniqueModule() + "/publish"), 404);
        problem(as("alice").delete(API + "/drafts/" + uniqueModule()), 404);
    }

    @Test
    void onlyPlatformOperatorsMayUseTheDesigner() {
        String module = uniqueModule();
        Map<String, Object> draft = Map.of("source", manifest(module, "1.0.0", ""));
        Map<String, Object> check = Map.of("source", manifest(module, "1.0.0", ""), "entity", "Ticket", "expression", "true", "rule", "title eq 'x'");
        for (String user : List.of("carol", "dave", "bob")) {
            forbidden(as(user).body(draft).post(API + "/validate"));
            forbidden(as(user).body(check).post(API + "/check/expression"));
            forbidden(as(user).body(check).post(API + "/check/rule"));
            forbidden(as(user).body(draft).post(API + "/review"));
            forbidden(as(user).body(draft).post(API + "/preview"));
            forbidden(as(user).get(API + "/drafts"));
            forbidden(as(user).get(API + "/drafts/" + module));
            forbidden(as(user).body(draft).put(API + "/drafts/" + module));
            forbidden(as(user).delete(API + "/drafts/" + module));
            forbidden(as(user).post(API + "/drafts/" + module + "/publish"));
        }
        given().header("Authorization", "").contentType(ContentType.JSON).body(draft).post(API + "/validate").then().statusCode(401);
        as("alice").get(API + "/drafts/" + module).then().statusCode(200).body("draft", equalTo(null));
    }

    @Test
    void celExpressionsAreTypeCheckedWithThePositionOfTheError() {
        String module = manifest(uniqueModule(), "1.0.0", "");
        as("alice").body(Map.of("source", module, "entity", "Ticket", "expression", "priority >= 2 || title != ''"))
                .post(API + "/check/expression").then().statusCode(200).body("ok", equalTo(true)).body("problems.size()", equalTo(0));
        JsonPath typeError = as("alice").body(Map.of("source", module, "entity", "Ticket", "expression", "priority >= 2 && titel == 'x'"))
                .post(API + "/check/expression").then().statusCode(200).body("ok", equalTo(false)).extract().jsonPath();
        assertTrue(typeError.getString("problems[0].message").contains("titel"), typeError.prettify());
        assertEquals("priority >= 2 && titel == 'x'".indexOf("titel"), typeError.getInt("problems[0].position"));
        as("alice").body(Map.of("source", module, "entity", "Ticket", "expression", "priority >="))
                .post(API + "/check/expression").then().statusCode(200).body("ok", equalTo(false))
                .body("problems[0].position", equalTo(11));
        as("alice").body(Map.of("source", module, "entity", "Ticket", "expression", "title"))
                .post(API + "/check/expression").then().statusCode(200).body("ok", equalTo(false))
                .body("problems[0].message", containsString("expected bool"));
        // a formula must return its field's type
        as("alice").body(Map.of("source", module, "entity", "Ticket", "field", "priority", "expression", "title"))
                .post(API + "/check/expression").then().statusCode(200).body("ok", equalTo(false))
                .body("problems[0].message", containsString("expected int"));
        as("alice").body(Map.of("source", module, "entity", "Ticket", "field", "priority", "expression", "size(title)"))
                .post(API + "/check/expression").then().statusCode(200).body("ok", equalTo(true));
        // an installed module's entity, by qualified name
        as("alice").body(Map.of("source", module, "entity", "partners.Partner", "expression", "score >= 80"))
                .post(API + "/check/expression").then().statusCode(200).body("ok", equalTo(true));
    }

    @Test
    void recordRulesAreCheckedInTheFilterLanguage() {
        String module = manifest(uniqueModule(), "1.0.0", "");
        as("alice").body(Map.of("source", module, "entity", "Ticket", "rule", "created_by eq $user.id or priority gt 3"))
                .post(API + "/check/rule").then().statusCode(200).body("ok", equalTo(true));
        as("alice").body(Map.of("source", module, "entity", "Ticket", "rule", "priority gt 3 and"))
                .post(API + "/check/rule").then().statusCode(200).body("ok", equalTo(false))
                .body("problems[0].position", equalTo(17)).body("problems[0].message", containsString("rule does not parse"));
        as("alice").body(Map.of("source", module, "entity", "Ticket", "rule", "owner eq $user.email"))
                .post(API + "/check/rule").then().statusCode(200).body("ok", equalTo(false))
                .body("problems.message", hasItem(containsString("'owner', which is not a field")))
                .body("problems.message", hasItem(containsString("unknown variable '$user.email'")));
    }

    @Test
    void draftsAreKeptPerAuthorAndAnotherOperatorsDraftIsAWarning() {
        String module = uniqueModule();
        String v1 = manifest(module, "1.0.0", "");
        Response saved = as("alice").body(Map.of("source", v1)).put(API + "/drafts/" + module);
        saved.then().statusCode(200).header("ETag", "\"1\"").body("draft.revision", equalTo(1)).body("draft.source", equalTo(v1))
                .body("draft.baseVersion", equalTo(null)).body("activeVersion", equalTo(null)).body("others.size()", equalTo(0));
        as("alice").header("If-Match", "\"1\"").body(Map.of("source", v1 + "# more\n")).put(API + "/drafts/" + module)
                .then().statusCode(200).body("draft.revision", equalTo(2));
        problem(as("alice").header("If-Match", "\"1\"").body(Map.of("source", v1)).put(API + "/drafts/" + module), 412);

        // a second operator (an API key alice grants platform_operator) edits the same module
        String key = as("alice").body(Map.of("name", module + " designer", "roles", List.of("platform_operator")))
                .post("/api/admin/api-keys").then().statusCode(201).extract().path("key");
        given().header("Authorization", "ApiKey " + key).contentType(ContentType.JSON).body(Map.of("source", v1))
                .put(API + "/drafts/" + module).then().statusCode(200).body("others.size()", equalTo(1))
                .body("others[0].authorName", equalTo("alice"));
        as("alice").get(API + "/drafts/" + module).then().statusCode(200).body("draft.revision", equalTo(2))
                .body("draft.source", equalTo(v1 + "# more\n")).body("others.size()", equalTo(1))
                .body("others[0].authorName", containsString(module + " designer"));
        as("alice").get(API + "/drafts").then().statusCode(200).body("items.findAll { it.module == '" + module + "' }.size()", equalTo(2));
        as("alice").delete(API + "/drafts/" + module).then().statusCode(204);
        as("alice").get(API + "/drafts/" + module).then().statusCode(200).body("draft", equalTo(null)).body("others.size()", equalTo(1));
    }

    @Test
    void aNewModuleIsReviewedPublishedAndPulledByteForByte() {
        String module = uniqueModule();
        String source = "# drafted in the designer\n" + manifest(module, "1.0.0", "");
        as("alice").body(Map.of("source", source)).post(API + "/review").then().statusCode(200)
                .body("publishable", equalTo(true)).body("from", equalTo(null)).body("classification", equalTo("additive"))
                .body("sql", hasItem(containsString("CREATE TABLE"))).body("changes.kind", hasItem("ENTITY_ADDED"));
        int revision = as("alice").body(Map.of("source", source)).put(API + "/drafts/" + module).then().statusCode(200)
                .extract().path("draft.revision");
        problem(as("alice").body(Map.of("revision", revision + 5)).post(API + "/drafts/" + module + "/publish"), 409);
        as("alice").body(Map.of("revision", revision)).post(API + "/drafts/" + module + "/publish").then().statusCode(200)
                .body("applied", equalTo(true)).body("modules[0].module", equalTo(module));
        String pulled = as("alice").accept("application/yaml").get("/api/admin/modules/" + module + "/manifest")
                .then().statusCode(200).extract().asString();
        assertEquals(source, pulled, "what prm pull gets is what the designer published");
        as("alice").get(API + "/drafts/" + module).then().statusCode(200).body("draft", equalTo(null))
                .body("activeVersion", equalTo("1.0.0"));
    }

    @Test
    void reviewNamesTheConsequencesOfABreakingChangeAndTheVersionItNeeds() {
        String module = uniqueModule();
        publish(manifest(module, "1.0.0", "      notes: { type: longtext }\n"));

        JsonPath additive = review(manifest(module, "1.0.0", "      notes: { type: longtext }\n      due: { type: date }\n"));
        assertEquals("additive", additive.getString("classification"));
        assertEquals("1.1.0", additive.getString("requiredVersion"));
        assertEquals(List.of("VERSION"), additive.getList("consequences.kind"));
        assertEquals(false, additive.getBoolean("publishable"));
        JsonPath bumped = review(manifest(module, "1.1.0", "      notes: { type: longtext }\n      due: { type: date }\n"));
        assertEquals(true, bumped.getBoolean("publishable"), bumped.prettify());
        assertTrue(bumped.getList("sql", String.class).stream().anyMatch(s -> s.contains("ADD COLUMN") && s.contains("due")), bumped.prettify());

        JsonPath breaking = review(manifest(module, "1.0.1", ""));
        assertEquals("breaking", breaking.getString("classification"));
        assertEquals("2.0.0", breaking.getString("requiredVersion"));
        assertEquals(List.of("FIELD_REMOVED", "VERSION"), breaking.getList("consequences.kind"));
        assertTrue(breaking.getString("consequences[0].sentence").contains("Field notes is removed from Ticket"), breaking.prettify());
        assertEquals(Map.of("entity", "Ticket", "field", "notes", "allowDataLoss", true), breaking.getMap("consequences[0].drop"));
        assertEquals("2.0.0", breaking.getString("consequences[1].version"));
        assertTrue(!breaking.getList("refusals").isEmpty() && !breaking.getBoolean("publishable"), breaking.prettify());

        JsonPath confirmed = review(manifest(module, "2.0.0", "")
                + "migrations:\n  - drop: { entity: Ticket, field: notes, allowDataLoss: true }\n");
        assertEquals(true, confirmed.getBoolean("publishable"), confirmed.prettify());
        assertEquals(true, confirmed.getBoolean("consequences[0].acknowledged"));
        assertTrue(confirmed.getList("sql", String.class).stream().anyMatch(s -> s.contains("_removed_notes")), confirmed.prettify());

        JsonPath invalid = review(manifest(module, "2.0.0", "      bad: { type: nope }\n"));
        assertEquals(false, invalid.getBoolean("publishable"));
        assertTrue(invalid.getString("problems[0].pointer").startsWith("/entities/Ticket/fields/bad"), invalid.prettify());
    }

    @Test
    void previewIsTheRuntimesMetadataForTheChosenRoleFromADraftThatIsNeverPublished() {
        String module = uniqueModule();
        String source = manifest(module, "1.0.0", "      secret: { type: text }\n")
                + "roles:\n  dz_clerk: {}\n  dz_boss: {}\n"
                + "permissions:\n  dz_clerk:\n    Ticket: { read: all, create: true, fields: { secret: hidden } }\n"
                + "  dz_boss:\n    Ticket: { read: all, create: true, update: all }\n";
        String entity = module + ".Ticket";
        JsonPath clerk = as("alice").body(Map.of("source", source, "roles", List.of("dz_clerk"))).post(API + "/preview")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("title", "priority"), clerk.getList("metadata.entities.'" + entity + "'.fields.name"));
        assertEquals(false, clerk.getBoolean("metadata.entities.'" + entity + "'.actions.update"));
        assertTrue(clerk.getList("roles").containsAll(List.of("dz_boss", "dz_clerk", "partner_viewer")), clerk.prettify());
        JsonPath boss = as("alice").body(Map.of("source", source, "roles", List.of("dz_boss"))).post(API + "/preview")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("title", "priority", "secret"), boss.getList("metadata.entities.'" + entity + "'.fields.name"));
        as("alice").body(Map.of("source", source, "roles", List.of("partner_viewer"))).post(API + "/preview").then().statusCode(200)
                .body("metadata.entities", not(org.hamcrest.Matchers.hasKey(entity)));
        as("alice").get("/api/admin/modules").then().body("items.module", not(hasItem(module)));
    }

    private static JsonPath review(String source) {
        return as("alice").body(Map.of("source", source)).post(API + "/review").then().statusCode(200).extract().jsonPath();
    }

    private static void publish(String source) {
        as("alice").body(Map.of("modules", List.of(Map.of("file", "m/module.yaml", "source", source))))
                .post("/api/admin/modules").then().statusCode(200).body("applied", equalTo(true));
    }

    /** A module with an entity Ticket (title, priority, then {@code extraFields}); no grants to the test users' roles. */
    static String manifest(String module, String version, String extraFields) {
        return "apiVersion: prm/v1\nmodule: " + module + "\nversion: " + version + "\nentities:\n  Ticket:\n    fields:\n"
                + "      title: { type: text, required: true }\n      priority: { type: integer, min: 1, max: 5 }\n" + extraFields;
    }

    static String uniqueModule() {
        return "dz" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static int line(String text, String fragment) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i + 1;
            }
        }
        throw new AssertionError(fragment);
    }

    private static io.restassured.response.ValidatableResponse problem(Response response, int status) {
        assertEquals(status, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType() + " " + response.asString());
        return response.then();
    }

    private static void forbidden(Response response) {
        problem(response, 403).body("detail", containsString("platform_operator"));
    }

    static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
