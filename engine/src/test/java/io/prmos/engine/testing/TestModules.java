package io.prmos.engine.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Publishes a spec's own test module once per test run (the test database is shared by the specs). */
public final class TestModules {

    private static final Set<String> PUBLISHED = ConcurrentHashMap.newKeySet();

    private TestModules() {
    }

    /** Publishes {@code source} as {@code module/module.yaml} as the default test caller, unless this run already did. */
    public static void publishOnce(String module, String source) {
        if (PUBLISHED.contains(module)) {
            return;
        }
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("file", module + "/module.yaml");
        file.put("source", source);
        given().contentType(ContentType.JSON).body(Map.of("modules", List.of(file))).post("/api/admin/modules")
                .then().statusCode(200);
        PUBLISHED.add(module);
    }
}
