package io.prmos.engine.events.relay;

import io.prmos.engine.events.DomainEvent;
import java.util.List;

/**
 * Hands a batch of events to a broker and returns only once the broker acknowledged every one of them
 * (Kafka {@code acks=all}, RabbitMQ publisher confirms). Called from one thread at a time. A failure
 * leaves the publisher ready to reconnect on the next call; the relay then sends the batch again.
 */
interface BrokerPublisher extends AutoCloseable {

    /** @throws BrokerUnavailable when any event of the batch was not acknowledged in time */
    void publish(List<DomainEvent> events);

    @Override
    void close();

    /** The broker did not take a batch; the outbox position stays where it was. */
    final class BrokerUnavailable extends RuntimeException {
        BrokerUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
