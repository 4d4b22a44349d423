package io.prmos.metadata.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An automation: when an event of type {@code on} is delivered (after its transaction committed) and
 * the CEL condition {@code when} holds for it, run the steps in order. Expressions see the event as
 * {@code event} ({@code event.type}, {@code event.subject}, {@code event.data...}).
 */
public record Automation(String name, String on, Optional<String> when, List<Step> steps) {

    /** One thing an automation does. Values are CEL expressions evaluated on the event. */
    public sealed interface Step permits CreateRecord, UpdateRecord, Emit, Webhook, EnqueueJob {
    }

    /** Creates a record of {@code entity} ({@code module.Entity}) with the given field values. */
    public record CreateRecord(String entity, Map<String, String> values) implements Step {
    }

    /** Updates the record of {@code entity} whose id the {@code id} expression yields. */
    public record UpdateRecord(String entity, String id, Map<String, String> values) implements Step {
    }

    /** Emits a custom event with a payload of evaluated values. */
    public record Emit(String event, Map<String, String> payload) implements Step {
    }

    /** POSTs the event's envelope to a URL (once; use declared webhooks for signed, retried delivery). */
    public record Webhook(String url) implements Step {
    }

    /**
     * Enqueues a job on the kernel queue (docs/jobs.md) in the automation's transaction.
     *
     * @param type           {@code module.name}, the module this one or one it requires
     * @param payload        CEL expressions evaluated on the event, one per payload property
     * @param idempotencyKey a CEL expression for the key; absent: the automation, the event id and the step's index,
     *                       so a redelivered event enqueues the job once
     */
    public record EnqueueJob(String type, Map<String, String> payload, Optional<String> idempotencyKey) implements Step {
    }
}
