package io.prmos.engine.fuzz;

import io.prmos.engine.testing.ForgedTokens;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the fuzz cases aim at, read from the running engine: the sample modules' entities and fields
 * (from the compiled catalog, so new fields are fuzzed without editing this suite), a few records and
 * real cursors. Everything is created in the tenant {@value #TENANT}, which no other spec reads, with
 * tokens signed by the test identity key.
 */
final class FuzzTargets {

    static final String TENANT = "fuzz";
    static final List<String> MODULES = List.of("organizations", "people", "partners", "deals");
    /**
     * The roles of the caller that sends the manifest cases (publish dry runs). Publishing is a
     * platform operation; when the role it requires changes, this is the one place to change.
     */
    static final String[] MANIFEST_PUBLISHER_ROLES = {"platform_operator", "admin"};

    /** One entity of the sample modules with its fields. */
    record Target(String module, String path, EntityDescriptor entity, List<FieldDescriptor> fields, List<String> ids) {
        String collection() {
            return "/api/v1/" + module + "/" + path;
        }
    }

    /** A real cursor and the list parameters it was issued for. */
    record IssuedCursor(String collection, String sort, String cursor) {
    }

    final List<Target> targets = new ArrayList<>();
    final List<IssuedCursor> cursors = new ArrayList<>();
    /** Bearer tokens by role set: the fuzz tenant's admin+manager, sales rep, viewer and manifest publisher, and a manager of tenant fuzz2. */
    final Map<String, String> tokens = new LinkedHashMap<>();

    FuzzTargets(Catalog catalog) {
        tokens.put("manager", ForgedTokens.bearer(c -> fuzzUser(c, "fuzz-manager", "partner_manager", "admin")));
        tokens.put("rep", ForgedTokens.bearer(c -> fuzzUser(c, "fuzz-rep", "sales_rep")));
        tokens.put("viewer", ForgedTokens.bearer(c -> fuzzUser(c, "fuzz-viewer", "partner_viewer")));
        tokens.put("publisher", ForgedTokens.bearer(c -> fuzzUser(c, "fuzz-publisher", MANIFEST_PUBLISHER_ROLES)));
        tokens.put("other-tenant", ForgedTokens.bearer(c -> fuzzUser(c, "fuzz2-manager", "partner_manager", "admin").put("tenant", "fuzz2")));
        for (String module : MODULES) {
            for (EntityDescriptor entity : catalog.entities()) {
                if (entity.module().equals(module)) {
                    targets.add(new Target(module, entity.path(), entity, entity.fields(), new ArrayList<>()));
                }
            }
        }
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode fuzzUser(com.fasterxml.jackson.databind.node.ObjectNode claims,
                                                                            String user, String... roles) {
        claims.put("tenant", TENANT).put("sub", UUID.nameUUIDFromBytes(user.getBytes()).toString()).put("preferred_username", user);
        var list = claims.putObject("realm_access").putArray("roles");
        for (String role : roles) {
            list.add(role);
        }
        return claims;
    }

    String manager() {
        return tokens.get("manager");
    }

    /** The caller of the manifest cases ({@link #MANIFEST_PUBLISHER_ROLES}). */
    String publisher() {
        return tokens.get("publisher");
    }

    /** A few records per entity and cursors of several sorts, made through the API as the fuzz tenant's manager. */
    void createFixtures() {
        String organization = create("/api/v1/organizations/organization", "{\"name\":\"fuzz org\"}");
        String person = create("/api/v1/people/person", "{\"first_name\":\"Fuzz\",\"last_name\":\"Person\"}");
        List<String> partners = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            partners.add(create("/api/v1/partners/partner", "{\"name\":\"fuzz partner " + i + "\",\"score\":" + (i * 10)
                    + ",\"organization\":\"" + organization + "\"}"));
        }
        String deal = create("/api/v1/deals/deal", "{\"name\":\"fuzz deal\",\"partner\":\"" + partners.get(0)
                + "\",\"amount\":{\"amount\":100,\"currency\":\"EUR\"}}");
        for (Target t : targets) {
            switch (t.module()) {
                case "organizations" -> t.ids().add(organization);
                case "people" -> { if (person != null) t.ids().add(person); }
                case "partners" -> t.ids().addAll(partners);
                case "deals" -> t.ids().add(deal);
                default -> { }
            }
        }
        for (String sort : List.of("", "name", "-score", "won_total", "-created_at,name", "score,-name", "annual_target.amount")) {
            Response page = RestAssured.given().header("Authorization", manager()).queryParam("limit", 2).queryParam("sort", sort)
                    .get("/api/v1/partners/partner");
            String next = page.statusCode() == 200 ? page.path("nextCursor") : null;
            if (next != null) {
                cursors.add(new IssuedCursor("/api/v1/partners/partner", sort, next));
            }
        }
    }

    private String create(String collection, String body) {
        Response response = RestAssured.given().header("Authorization", manager()).contentType("application/json").body(body).post(collection);
        if (response.statusCode() != 201) {
            if (collection.contains("people")) {
                return null; // the people module's required fields may change; the suite does not depend on it
            }
            throw new IllegalStateException("fixture " + collection + ": " + response.statusCode() + " " + response.asString());
        }
        return response.path("id");
    }
}
