/**
 * The broker relay: committed events leave the outbox for Kafka or RabbitMQ, in position order, at
 * least once, with the record URN as key and the event id as a header (docs/events.md#brokers, ADR 0140).
 * Depends on {@code events} (the log and its subscriber progress); nothing depends on it.
 */
package io.prmos.engine.events.relay;
