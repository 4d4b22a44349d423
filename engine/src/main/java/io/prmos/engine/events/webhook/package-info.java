/**
 * Webhooks: subscriptions (admin API and manifests), the fan-out of logged events into per-subscription
 * deliveries, and the dispatcher that sends them signed per the Standard Webhooks scheme with retries,
 * backoff and a dead letter, only to targets the operator allows (no internal addresses by default). Depends on {@code events} (it is one of its subscribers); nothing depends on it.
 */
package io.prmos.engine.events.webhook;
