package io.prmos.engine.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.ModuleSetCompiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The UI metadata of the sample modules: alice's full document against a checked-in golden file
 * (regenerate with {@code -Dgolden.update=true} and review the diff), and what bob and carol must
 * not see.
 */
class UiMetadataBuilderTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/ui-metadata-alice.json");
    static final Caller ALICE = new Caller("acme", "alice", "alice", Set.of("partner_manager", "admin"));
    static final Caller BOB = new Caller("acme", "bob", "bob", Set.of("sales_rep"));
    static final Caller CAROL = new Caller("acme", "carol", "carol", Set.of("partner_viewer"));
    static final Caller ADMIN_ONLY = new Caller("acme", "root", "root", Set.of("admin"));

    private final Catalog catalog = sampleCatalog();
    private final UiMetadataBuilder builder = new UiMetadataBuilder(new PermissionEvaluator());

    static Catalog sampleCatalog() {
        ModuleSetCompiler.Result result = new ModuleSetCompiler().compileDirectory(Path.of("../modules"));
        assertTrue(result.ok(), () -> "sample modules must compile: " + result.problems());
        return result.catalog().orElseThrow();
    }

    /** As if the sample modules' UI bundles were published (hashes are fixed so the golden file is stable). */
    static final Map<String, String> BUNDLES = Map.of("deals", "0".repeat(32), "partners", "1".repeat(32));

    private ObjectNode as(Caller caller) {
        return builder.build(catalog, caller, BUNDLES).document();
    }

    @Test
    void aliceSeesTheGoldenDocument() throws IOException {
        String actual = UiMetadataBuilder.pretty(as(ALICE)) + "\n";
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), actual);
    }

    @Test
    void agentsAreThoseTheCallerMayStartByHand() {
        JsonNode agents = as(ALICE).path("agents");
        assertEquals(1, agents.size(), agents.toString());
        assertEquals("partners.partner-analyst", agents.at("/0/name").asText());
        assertEquals("Partner analyst", agents.at("/0/label").asText());
        assertEquals("partners.Partner", agents.at("/0/entity").asText());
        assertEquals("partners.Partner.update", agents.at("/0/approval/0").asText());
        assertEquals(1, as(CAROL).path("agents").size(), "carol reads partners: she may start the analyst (as herself)");
        Caller nobody = new Caller("acme", "nobody", "nobody", Set.of());
        assertEquals(0, as(nobody).path("agents").size(), "no read access to partners, no partner analyst");
    }

    @Test
    void extensionsAreListedByRoleWithTheirBundleAndModulesWithoutABundleAreLeftOut() {
        Map<String, JsonNode> bob = new java.util.HashMap<>();
        as(BOB).path("extensions").forEach(e -> bob.put(e.path("module").asText(), e));
        assertEquals(java.util.Set.of("deals", "partners"), bob.keySet());
        JsonNode deals = bob.get("deals");
        assertEquals("/api/v1/ui/extensions/deals/" + "0".repeat(32) + ".js", deals.path("url").asText());
        assertEquals("/x/deals/pipeline-board", deals.path("pages").get(0).path("route").asText());
        assertEquals("sales", deals.path("pages").get(0).path("section").asText());
        assertEquals("deals.Deal.detail.sidebar", bob.get("partners").path("widgets").get(0).path("slots").get(0).asText());
        assertEquals(0, as(CAROL).path("extensions").size(), "partner_viewer holds none of the declared roles");
        assertEquals(0, builder.build(catalog, BOB).document().path("extensions").size(), "no bundle published, nothing to load");
    }

    @Test
    void theWorkflowTellsWhichTransitionsTheCallersRolesAllow() {
        JsonNode transitions = as(BOB).path("entities").path("deals.Deal").path("workflow").path("transitions");
        Map<String, Boolean> allowed = new java.util.LinkedHashMap<>();
        transitions.forEach(t -> allowed.put(t.path("name").asText(), t.path("allowed").asBoolean()));
        assertEquals(Map.of("qualify", true, "propose", true, "negotiate", true, "win", false, "lose", true, "reopen", false), allowed);
        assertEquals("stage", as(BOB).path("entities").path("deals.Deal").path("workflow").path("field").asText());
    }

    @Test
    void theEtagIsStableAndDiffersPerCaller() {
        assertEquals(builder.build(catalog, ALICE).etag(), builder.build(sampleCatalog(), ALICE).etag());
        assertNotEquals(builder.build(catalog, ALICE).etag(), builder.build(catalog, BOB).etag());
    }

    @Test
    void bobNeverSeesHiddenPartnerFieldsAndMayNotChangePartners() {
        JsonNode partner = as(BOB).path("entities").path("partners.Partner");
        String text = partner.toString();
        assertFalse(text.contains("annual_target"), text);
        assertFalse(text.contains("\"notes\""), text);
        assertEquals(List.of("name", "tier", "types", "region", "score", "organization", "parent", "contact_email",
                "website", "joined_on", "active", "won_total"), names(partner.path("fields")));
        partner.path("fields").forEach(f -> assertTrue(f.path("readOnly").asBoolean(), f.toString()));
        JsonNode actions = partner.path("actions");
        assertFalse(actions.path("create").asBoolean());
        assertFalse(actions.path("update").asBoolean());
        assertFalse(actions.path("delete").asBoolean());
        assertFalse(actions.path("import").asBoolean());
        assertTrue(actions.path("export").asBoolean());
        assertEquals(0, partner.path("form").path("sections").size() == 0 ? 0 : formFieldCount(partner, "annual_target"));
    }

    @Test
    void bobCreatesDealsButOnlyUpdatesHisOwn() {
        JsonNode deal = as(BOB).path("entities").path("deals.Deal");
        assertTrue(deal.path("actions").path("create").asBoolean());
        assertTrue(deal.path("actions").path("update").asBoolean());
        JsonNode registration = field(deal, "registration_id");
        assertTrue(registration.path("readOnly").asBoolean(), "a readOnly field stays read-only for writers");
        assertFalse(field(deal, "name").path("readOnly").asBoolean());
    }

    @Test
    void carolSeesNoDealsAnywhere() {
        ObjectNode doc = as(CAROL);
        assertFalse(doc.path("entities").has("deals.Deal"));
        assertFalse(doc.path("entities").has("people.Person"));
        assertFalse(doc.path("navigation").toString().contains("deals.Deal"));
        JsonNode partner = doc.path("entities").path("partners.Partner");
        assertFalse(partner.path("detail").toString().contains("deals.Deal"), partner.path("detail").toString());
        assertEquals(0, partner.path("detail").path("slots").path("sidebar").size());
        assertFalse(partner.toString().contains("annual_target"));
        assertTrue(partner.path("detail").path("related").toString().contains("partners.Partner"),
                "child partners (Partner.parent) stay a related list");
    }

    @Test
    void slotsReachTheHostPagesOfOtherModules() {
        ObjectNode doc = as(ALICE);
        JsonNode partnerSidebar = doc.path("entities").path("partners.Partner").path("detail").path("slots").path("sidebar");
        assertEquals(1, partnerSidebar.size());
        assertEquals("relatedList", partnerSidebar.get(0).path("widget").asText());
        assertEquals("deals.Deal", partnerSidebar.get(0).path("entity").asText());
        assertEquals("partner", partnerSidebar.get(0).path("field").asText());
        assertEquals("stage nin ('won', 'lost')", partnerSidebar.get(0).path("filter").asText());
        JsonNode dealSidebar = doc.path("entities").path("deals.Deal").path("detail").path("slots").path("sidebar");
        assertEquals("summaryCard", dealSidebar.get(0).path("widget").asText());
        assertEquals("partners.Partner", dealSidebar.get(0).path("entity").asText());
        assertEquals("host", dealSidebar.get(0).path("fieldOwner").asText());
    }

    @Test
    void aCallerWithoutDataGrantsGetsAnEmptyShell() {
        ObjectNode doc = as(ADMIN_ONLY);
        assertEquals(0, doc.path("entities").size());
        assertEquals(0, doc.path("navigation").size());
        assertEquals("acme", doc.path("user").path("tenant").asText());
    }

    @Test
    void defaultsApplyWhenAManifestGivesNoHints() {
        JsonNode person = as(ALICE).path("entities").path("people.Person");
        List<String> formFields = new ArrayList<>();
        person.path("form").path("sections").forEach(s -> s.path("fields").forEach(f -> formFields.add(f.asText())));
        assertEquals(names(person.path("fields")), formFields, "no form hint: every writable field, in order");
        assertEquals(List.of("last_name", "email"), strings(person.path("list").path("searchFields")),
                "searchable fields that the list API can filter (first_name is not filterable)");
        assertEquals("first_name", person.path("displayField").asText());
    }

    @Test
    void withoutSoftDeleteThereIsNothingToRestoreAndNoHintsMeansDefaults(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("notes"));
        Files.writeString(dir.resolve("notes/module.yaml"), String.join("\n",
                "apiVersion: prm/v1", "module: notes", "version: 1.0.0",
                "entities:", "  Note:", "    features: { softDelete: false }", "    fields:",
                "      title: { type: text, filterable: true }", "      body: { type: longtext }", "      meta: { type: json }",
                "roles: { writer: {} }",
                "permissions:", "  writer:", "    Note: { read: all, create: true, update: all, delete: all, restore: all }", ""));
        ModuleSetCompiler.Result result = new ModuleSetCompiler().compileDirectory(dir);
        assertTrue(result.ok(), () -> result.problems().toString());
        JsonNode note = builder.build(result.catalog().orElseThrow(), new Caller("acme", "w", "w", Set.of("writer")))
                .document().path("entities").path("notes.Note");
        assertTrue(note.path("actions").path("delete").asBoolean());
        assertFalse(note.path("actions").path("restore").asBoolean(), "a hard-deleted record cannot be restored");
        assertFalse(note.path("features").path("softDelete").asBoolean());
        assertEquals(List.of("title"), strings(note.path("list").path("columns")), "longtext and json are no default columns");
        assertEquals(List.of("title"), strings(note.path("list").path("searchFields")), "the display field when nothing is searchable");
        assertEquals("title", note.path("displayField").asText());
        JsonNode form = note.path("form").path("sections");
        assertEquals(1, form.size());
        assertEquals("Note", form.get(0).path("label").asText());
        assertEquals(List.of("title", "body", "meta"), strings(form.get(0).path("fields")));
    }

    private static int formFieldCount(JsonNode entity, String name) {
        return (int) entity.path("form").findValues("fields").stream()
                .flatMap(a -> strings(a).stream()).filter(name::equals).count();
    }

    private static JsonNode field(JsonNode entity, String name) {
        for (JsonNode f : entity.path("fields")) {
            if (f.path("name").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no field " + name + " in " + entity.path("name"));
    }

    private static List<String> names(JsonNode fields) {
        List<String> out = new ArrayList<>();
        fields.forEach(f -> out.add(f.path("name").asText()));
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
