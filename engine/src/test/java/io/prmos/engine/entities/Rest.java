package io.prmos.engine.entities;

import static io.restassured.RestAssured.given;

import io.prmos.engine.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Helpers of the entity registry specs; records carry a random prefix so specs sharing the database do not collide. */
final class Rest {

    static final String PARTNERS = "/api/v1/partners/partner";
    static final String ORGANIZATIONS = "/api/v1/organizations/organization";
    static final String DEALS = "/api/v1/deals/deal";

    private Rest() {
    }

    static String prefix() {
        return "r" + UUID.randomUUID().toString().substring(0, 8);
    }

    static RequestSpecification json() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    static RequestSpecification as(String user) {
        return json().header("Authorization", Tokens.bearer(user));
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.put((String) kv[i], kv[i + 1]);
        }
        return out;
    }

    static Response create(String collection, Map<String, Object> body) {
        Response r = json().body(body).post(collection);
        if (r.statusCode() != 201) {
            throw new AssertionError("expected 201 at " + collection + " for " + body + ", got " + r.statusCode() + ": " + r.asString());
        }
        return r;
    }

    static String id(String collection, Map<String, Object> body) {
        return create(collection, body).path("id");
    }

    static String urn(String module, String entity, String id) {
        return "urn:prm:" + module + ":" + entity + ":" + id;
    }
}
