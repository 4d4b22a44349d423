package io.prmos.engine.events.relay;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.prmos.engine.events.DomainEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Publishes to a durable RabbitMQ topic exchange with the event type as routing key (bind
 * {@code deals.DealWon}, {@code deals.*} or {@code #}), as persistent messages whose {@code message-id}
 * and {@code event-id} header are the event id; the record URN travels as the {@code subject} header.
 * One channel in confirm mode publishes a batch in order and waits for the broker's confirms.
 * Messages routed to no queue are dropped by RabbitMQ: bind durable queues before events matter.
 */
final class RabbitPublisher implements BrokerPublisher {

    private final String uri;
    private final String exchange;
    private final Duration timeout;
    private Connection connection;
    private Channel channel;

    RabbitPublisher(String uri, String exchange, Duration timeout) {
        this.uri = uri;
        this.exchange = exchange;
        this.timeout = timeout;
    }

    @Override
    public void publish(List<DomainEvent> events) {
        try {
            Channel c = channel();
            for (DomainEvent event : events) {
                c.basicPublish(exchange, event.type(), false, properties(event), Envelopes.body(event));
            }
            c.waitForConfirmsOrDie(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(e);
        } catch (IOException | TimeoutException | RuntimeException e) {
            throw failed(e);
        }
    }

    private static AMQP.BasicProperties properties(DomainEvent event) {
        Map<String, Object> headers = new java.util.HashMap<>();
        headers.put("event-id", event.id().toString());
        headers.put("event-type", event.type());
        headers.put("tenant", event.tenant());
        headers.put("position", event.position());
        if (event.subject() != null) {
            headers.put("subject", event.subject());
        }
        return new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2)
                .messageId(event.id().toString()).type(event.type()).timestamp(Date.from(event.time().toInstant()))
                .headers(headers).build();
    }

    private BrokerUnavailable failed(Exception cause) {
        close();
        return new BrokerUnavailable("RabbitMQ did not confirm the batch: " + cause, cause);
    }

    private Channel channel() throws IOException, TimeoutException {
        if (channel == null || !channel.isOpen()) {
            close();
            ConnectionFactory factory = new ConnectionFactory();
            try {
                factory.setUri(uri);
            } catch (java.net.URISyntaxException | java.security.GeneralSecurityException e) {
                throw new IllegalArgumentException("prm.events.rabbitmq.uri is not an amqp:// URI", e);
            }
            factory.setAutomaticRecoveryEnabled(false); // the relay reconnects and resends from its position
            factory.setConnectionTimeout((int) timeout.toMillis());
            connection = factory.newConnection("prm-event-relay");
            channel = connection.createChannel();
            channel.confirmSelect();
            channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true);
        }
        return channel;
    }

    @Override
    public void close() {
        Connection c = connection;
        connection = null;
        channel = null;
        if (c != null) {
            try {
                c.abort(1000);
            } catch (RuntimeException e) {
                // already gone
            }
        }
    }
}
