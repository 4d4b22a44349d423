package io.prmos.engine.api;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Shared helpers of the HTTP specs. Specs share one database during a run, so every record a
 * test creates carries a fresh random prefix and every list a test checks filters on it.
 */
final class Api {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PARTNERS = "/api/v1/partners/partner";
    static final String ORGANIZATIONS = "/api/v1/organizations/organization";
    static final String PEOPLE = "/api/v1/people/person";
    static final String DEALS = "/api/v1/deals/deal";

    static {
        // A request the server never answers must fail the spec, not hang the build.
        RestAssured.config = RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.connection.timeout", 10_000).setParam("http.socket.timeout", 60_000));
    }

    private Api() {
    }

    /** A prefix no other test uses, e.g. {@code t3f9a1c2-}. */
    static String prefix() {
        return "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
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

    static Map<String, Object> money(Object amount, String currency) {
        return map("amount", amount, "currency", currency);
    }

    /** POSTs a record that must be valid and returns the whole 201 response. */
    static Response create(String collection, Map<String, Object> body) {
        Response response = json().body(body).post(collection);
        if (response.statusCode() != 201) {
            throw new AssertionError("expected 201 creating " + body + " at " + collection + ", got "
                    + response.statusCode() + ": " + response.asString());
        }
        return response;
    }

    static String createId(String collection, Map<String, Object> body) {
        return create(collection, body).path("id");
    }

    static String partner(String name) {
        return createId(PARTNERS, map("name", name));
    }

    static String organization(String name) {
        return createId(ORGANIZATIONS, map("name", name));
    }
}
