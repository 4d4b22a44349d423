package io.prmos.engine.events;

import static io.prmos.engine.events.EventsApi.*;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.*;

import io.prmos.engine.events.webhook.WebhookSignature;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A webhook declared in a manifest: its secret is a configuration reference, resolved by the engine;
 * the receiver gets signed events of the module. A module whose subscription names no event is refused.
 */
@QuarkusTest
class ManifestWebhookSpec {

    /** Set in application.properties (%test) — the manifest names it, never its value. */
    @ConfigProperty(name = "prm.test.webhook-secret")
    String secret;

    @Test
    void aManifestWebhookDeliversSignedEventsWithItsConfiguredSecret() throws Exception {
        String module = "hooked" + prefix().replaceAll("[^a-z]", "");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String source = "apiVersion: prm/v1\nmodule: " + module + "\nversion: 1.0.0\n"
                    + "entities:\n  Item:\n    fields:\n      title: { type: text, required: true }\n"
                    + "permissions:\n  partner_manager:\n    Item: { read: all, create: true }\n"
                    + "requires: { organizations: \"^1.0\" }\n"
                    + "events:\n  subscribes: [partners.PartnerTierChanged]\n  webhooks:\n"
                    + "    - { name: sync, events: \"" + module + ".*\", url: \"" + receiver.url() + "\", secret: \"${prm.test.webhook-secret}\" }\n";
            json().body(Map.of("modules", List.of(Map.of("file", module + "/module.yaml", "source", source))))
                    .post("/api/admin/modules?dryRun=false").then().statusCode(200);
            String id = create("/api/v1/" + module + "/item", map("title", "hello"));
            WebhookReceiver.Delivery got = receiver.await(d -> d.body().contains(id), 1, Duration.ofSeconds(30)).get(0);
            assertEquals(module + ".ItemCreated", got.event().path("type").asText());
            assertEquals(WebhookSignature.sign(secret, got.headers().get("webhook-id"),
                    Long.parseLong(got.headers().get("webhook-timestamp")), got.body()), got.headers().get("webhook-signature"));
            given().get("/api/admin/webhooks").then().statusCode(200)
                    .body("items.name", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("sync")));
        }
    }

    @Test
    void subscribingToAnEventThatDoesNotExistIsRefusedAtPublish() {
        String source = "apiVersion: prm/v1\nmodule: listener\nversion: 1.0.0\nrequires: { partners: \"^1.0\" }\n"
                + "events:\n  subscribes: [partners.PartnerExploded]\n";
        json().body(Map.of("modules", List.of(Map.of("file", "listener/module.yaml", "source", source))))
                .post("/api/admin/modules?dryRun=true").then().statusCode(422)
                .body("errors[0].pointer", org.hamcrest.Matchers.equalTo("/events/subscribes/0"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("partners.PartnerExploded"));
    }
}
