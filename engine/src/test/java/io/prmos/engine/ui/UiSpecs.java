package io.prmos.engine.ui;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Helpers of the UI endpoint specs; records carry a fresh prefix so specs sharing a database never collide. */
final class UiSpecs {

    static final String PARTNERS = "/api/v1/partners/partner";
    static final String DEALS = "/api/v1/deals/deal";
    static final String VIEWS = "/api/v1/ui/views";

    private UiSpecs() {
    }

    static String prefix() {
        return "u" + UUID.randomUUID().toString().substring(0, 8) + "-";
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
            throw new AssertionError("expected 201 creating " + body + ", got " + response.statusCode() + ": " + response.asString());
        }
        return response.path("id");
    }
}
