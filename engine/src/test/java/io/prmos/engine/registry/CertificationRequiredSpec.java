package io.prmos.engine.registry;

import static io.prmos.engine.registry.Certificates.certificate;
import static io.prmos.engine.registry.Certificates.describedManifest;
import static io.prmos.engine.registry.Certificates.publish;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import io.prmos.engine.testing.Tokens;
import io.prmos.metadata.certify.CheckStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An engine that publishes only certified versions signed with its key, and runs test support (as the
 * kernels {@code prm test} starts do): unsigned, wrongly signed and missing certificates are refused;
 * fixtures, injected events and unfiltered reads work for operators only.
 */
@QuarkusTest
@TestProfile(CertificationRequiredSpec.Required.class)
class CertificationRequiredSpec {

    static final String KEY = "ci-certification-key";

    public static class Required implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                // The sample modules carry no certificates: an engine requiring them would refuse to start with them.
                String empty = java.nio.file.Files.createTempDirectory("prm-no-modules").toString();
                return Map.of("prm.publish.require-certification", "true", "prm.certification.key", KEY,
                        "prm.test-support.enabled", "true", "prm.modules-dir", empty);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Test
    void onlyVersionsCertifiedWithTheEnginesKeyArePublished() {
        String manifest = describedManifest("required", "1.0.0");
        publish("required", manifest, null, false).then().statusCode(409)
                .body("type", endsWith("/certification-refused"))
                .body("detail", containsString("this engine publishes only certified versions"));
        publish("required", manifest, certificate("required", "1.0.0", manifest, CheckStatus.PASS, Optional.empty()), false)
                .then().statusCode(409).body("detail", containsString("not signed"));
        publish("required", manifest, certificate("required", "1.0.0", manifest, CheckStatus.PASS, Optional.of("guessed")), false)
                .then().statusCode(409).body("detail", containsString("not made with this engine's certification key"));
        given().get(Modules.ADMIN + "/required/history").then().statusCode(404);

        publish("required", manifest, certificate("required", "1.0.0", manifest, CheckStatus.PASS, Optional.of(KEY)), false)
                .then().statusCode(200);
        given().get(Modules.ADMIN).then().body("items.find { it.module == 'required' }.certification.signed", equalTo(true));
    }

    @Test
    void fixturesEventsAndReadsForOperators() {
        String manifest = describedManifest("stock", "1.0.0") + "events:\n  publishes:\n    Counted:\n      description: Stock was counted.\n"
                + "      schema: { type: object, required: [item], properties: { item: { type: string } } }\n";
        publish("stock", manifest, certificate("stock", "1.0.0", manifest, CheckStatus.PASS, Optional.of(KEY)), false).then().statusCode(200);

        String item = given().contentType(ContentType.JSON)
                .body(Map.of("tenant", "fixture-t1", "entity", "stock.Item", "values", Map.of("name", "Bolt")))
                .post("/api/test-support/records").then().statusCode(201).body("name", equalTo("Bolt")).extract().path("id");
        given().queryParam("tenant", "fixture-t1").queryParam("filter", "name eq 'Bolt'")
                .get("/api/test-support/records/stock/Item").then().statusCode(200)
                .body("items.id", contains(item)).body("items[0].created_by", equalTo("test-fixture"));
        given().queryParam("tenant", "acme").get("/api/test-support/records/stock/Item").then()
                .statusCode(200).body("items", hasSize(0));

        given().contentType(ContentType.JSON).body(Map.of("tenant", "fixture-t1", "type", "stock.Counted",
                        "payload", Map.of("item", "urn:prm:stock:item:" + item)))
                .post("/api/test-support/events").then().statusCode(202);
        given().contentType(ContentType.JSON).body(Map.of("tenant", "fixture-t1", "type", "stock.Counted", "payload", Map.of("item", 7)))
                .post("/api/test-support/events").then().statusCode(422);

        long deadline = System.currentTimeMillis() + 20_000;
        java.util.List<String> types;
        do {
            types = given().queryParam("tenant", "fixture-t1").get("/api/test-support/events").then().statusCode(200)
                    .body("items.tenant", everyItem(equalTo("fixture-t1"))).extract().path("items.type");
        } while (types.size() < 2 && System.currentTimeMillis() < deadline && sleep());
        org.hamcrest.MatcherAssert.assertThat(types, contains("stock.ItemCreated", "stock.Counted"));

        given().header("Authorization", Tokens.bearer("dave")).contentType(ContentType.JSON)
                .body(Map.of("tenant", "globex", "entity", "stock.Item", "values", Map.of("name", "X")))
                .post("/api/test-support/records").then().statusCode(403);
    }

    private static boolean sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
