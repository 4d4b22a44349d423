package io.prmos.engine.events;

import static io.prmos.engine.events.EventsApi.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prmos.engine.testing.ProductionDefaults;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Webhooks aimed inside the operator's network (issue 11, item 9), with the production default
 * {@code prm.webhooks.allow-private-targets=false}: refused when registered, and refused again at
 * delivery for a target that resolves to such an address by then (as after DNS rebinding).
 */
@QuarkusTest
@TestProfile(ProductionDefaults.class)
class WebhookTargetAttackSpec {

    @Inject
    Pool pool;

    @Test
    void internalTargetsAreRefusedWhenRegistered() {
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://127.0.0.1:8080/api", "http://localhost/",
                "http://[::1]:9000/", "http://10.0.0.5/hook", "http://192.168.1.1/", "http://172.16.0.1/", "http://0.0.0.0/",
                "http://2130706433/", "http://[::ffff:127.0.0.1]/", "http://[fd00::1]/", "http://100.64.0.1/")) {
            json().body(map("name", "internal", "events", "partners.*", "url", url)).post(WebhookSpec.WEBHOOKS).then()
                    .statusCode(422).contentType("application/problem+json")
                    .body("errors[0].pointer", equalTo("/url"));
        }
        String id = json().body(map("name", "public", "events", "partners.*", "url", "https://203.0.113.10/hook"))
                .post(WebhookSpec.WEBHOOKS).then().statusCode(201).extract().path("id");
        json().body(map("name", "public", "events", "partners.*", "url", "http://169.254.169.254/"))
                .put(WebhookSpec.WEBHOOKS + "/" + id).then().statusCode(422).body("errors[0].pointer", equalTo("/url"));
        given().get(WebhookSpec.WEBHOOKS + "/" + id).then().body("url", equalTo("https://203.0.113.10/hook"));
        given().delete(WebhookSpec.WEBHOOKS + "/" + id).then().statusCode(204);
    }

    @Test
    void aTargetThatResolvesInternallyAtDeliveryIsNeverCalled() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            UUID id = UUID.randomUUID();
            // as if it was registered while its name pointed at a public address
            pool.preparedQuery("INSERT INTO prm_kernel.webhook_subscription (id, tenant_id, name, pattern, url, secret, source, active,"
                    + " created_at, created_by) VALUES ($1, 'acme', 'rebound', 'organizations.OrganizationCreated', $2, $3, 'api', true,"
                    + " now(), 'test')").execute(Tuple.of(id, receiver.url(), "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                    .await().atMost(Duration.ofSeconds(10));
            create(ORGANIZATIONS, map("name", prefix() + "Rebound"));

            JsonPath dead = WebhookSpec.deliveries(new JsonPath("{\"id\":\"" + id + "\"}"), "dead", 1);
            given().get(WebhookSpec.WEBHOOKS + "/" + id + "/deliveries").then().statusCode(200)
                    .body("items[0].lastError", startsWith("target refused: webhook target 127.0.0.1 is 127.0.0.1"));
            assertEquals(3, dead.getInt("items[0].attempts"));
            assertEquals(0, receiver.requests.get(), "the receiver on the internal address was called");
            assertTrue(receiver.received.isEmpty());
            given().delete(WebhookSpec.WEBHOOKS + "/" + id).then().statusCode(204);
        }
    }
}
