package io.prmos.engine.overlay;

import static io.restassured.RestAssured.given;

import io.prmos.engine.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helpers of the overlay specs: a test module with one entity {@code Item} and an extensible
 * dictionary {@code segment}, published through the admin API, and requests as a given user.
 * Each test uses its own module so the specs do not depend on each other.
 */
final class Overlays {

    static final String FIELDS = "/api/admin/custom-fields";

    private Overlays() {
    }

    static String manifest(String module, String version, String extraFields) {
        return "apiVersion: prm/v1\n"
                + "module: " + module + "\n"
                + "version: " + version + "\n"
                + "roles:\n"
                + "  partner_manager: { label: Partner manager }\n"
                + "  sales_rep: { label: Sales rep }\n"
                + "dictionaries:\n"
                + "  segment:\n"
                + "    extensible: true\n"
                + "    values: [{ code: smb, label: SMB }, { code: enterprise, label: Enterprise }]\n"
                + "  fixed: [alpha, beta]\n"
                + "entities:\n"
                + "  Item:\n"
                + "    fields:\n"
                + "      name: { type: text, required: true, maxLength: 100, filterable: true, sortable: true }\n"
                + "      segment: { type: dictionary, dictionary: segment, filterable: true }\n"
                + "      tags: { type: multidictionary, dictionary: segment, filterable: true }\n"
                + (extraFields == null ? "" : "      " + extraFields + "\n")
                + "permissions:\n"
                + "  partner_manager:\n"
                + "    Item: { read: all, create: true, update: all, delete: all, restore: all }\n"
                + "  sales_rep:\n"
                + "    Item: { read: all }\n";
    }

    static Response publish(String module, String source) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("modules", List.of(Map.of("file", module + "/module.yaml", "source", source))))
                .post("/api/admin/modules");
    }

    static void installed(String module, String source) {
        Response response = publish(module, source);
        if (response.statusCode() != 200) {
            throw new AssertionError("publishing " + module + ": " + response.statusCode() + " " + response.asString());
        }
    }

    static String items(String module) {
        return "/api/v1/" + module + "/item";
    }

    static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    static Map<String, Object> customField(String entity, String name, Map<String, Object> field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entity", entity);
        body.put("name", name);
        body.put("field", field);
        return body;
    }

    static void addField(String user, String entity, String name, Map<String, Object> field) {
        Response response = as(user).body(customField(entity, name, field)).post(FIELDS);
        if (response.statusCode() != 201) {
            throw new AssertionError("adding " + name + ": " + response.statusCode() + " " + response.asString());
        }
    }

    static String create(String user, String module, Map<String, Object> record) {
        Response response = as(user).body(record).post(items(module));
        if (response.statusCode() != 201) {
            throw new AssertionError("creating " + record + ": " + response.statusCode() + " " + response.asString());
        }
        return response.path("id");
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put((String) keyValues[i], keyValues[i + 1]);
        }
        return out;
    }
}
