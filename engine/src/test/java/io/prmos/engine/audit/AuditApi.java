package io.prmos.engine.audit;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Helpers of the audit specs; every record carries a fresh prefix because specs share one database. */
final class AuditApi {

    static final String PARTNERS = "/api/v1/partners/partner";
    static final String DEALS = "/api/v1/deals/deal";
    static final String ORGANIZATIONS = "/api/v1/organizations/organization";
    static final String PROBLEM_JSON = "application/problem+json";

    private AuditApi() {
    }

    static String prefix() {
        return "a" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    static RequestSpecification json() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put((String) keyValues[i], keyValues[i + 1]);
        }
        return out;
    }

    static String create(String collection, Map<String, Object> body) {
        Response response = json().body(body).post(collection);
        if (response.statusCode() != 201) {
            throw new AssertionError("expected 201 at " + collection + ", got " + response.statusCode() + ": " + response.asString());
        }
        return response.path("id");
    }

    /** Publishes a module through the admin API (as alice) and insists on 200. */
    static void publish(String module, String source) {
        Response response = given().contentType(ContentType.JSON)
                .body(Map.of("modules", List.of(Map.of("file", module + "/module.yaml", "source", source))))
                .post("/api/admin/modules");
        if (response.statusCode() != 200) {
            throw new AssertionError("publishing " + module + ": " + response.statusCode() + " " + response.asString());
        }
    }
}
