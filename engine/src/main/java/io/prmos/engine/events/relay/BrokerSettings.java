package io.prmos.engine.events.relay;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The broker relay's configuration (docs/events.md#brokers); no broker unless {@code prm.events.broker} names one. */
@ApplicationScoped
public class BrokerSettings {

    enum Type { NONE, KAFKA, RABBITMQ }

    @ConfigProperty(name = "prm.events.delivery.enabled", defaultValue = "true")
    boolean deliveryEnabled;

    @ConfigProperty(name = "prm.events.broker", defaultValue = "none")
    String broker;

    @ConfigProperty(name = "prm.events.broker.start", defaultValue = "end")
    String start;

    @ConfigProperty(name = "prm.events.broker.batch-size", defaultValue = "500")
    int batchSize;

    @ConfigProperty(name = "prm.events.broker.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;

    @ConfigProperty(name = "prm.events.broker.timeout", defaultValue = "PT30S")
    Duration timeout;

    @ConfigProperty(name = "prm.events.kafka.bootstrap-servers")
    Optional<String> kafkaServers;

    @ConfigProperty(name = "prm.events.kafka.topic-prefix", defaultValue = "prm.")
    String kafkaTopicPrefix;

    @ConfigProperty(name = "prm.events.kafka.topic-per", defaultValue = "module")
    String kafkaTopicPer;

    @ConfigProperty(name = "prm.events.rabbitmq.uri")
    Optional<String> rabbitUri;

    @ConfigProperty(name = "prm.events.rabbitmq.exchange", defaultValue = "prm.events")
    String rabbitExchange;

    boolean deliveryEnabled() {
        return deliveryEnabled;
    }

    Type type() {
        return switch (broker.trim().toLowerCase()) {
            case "none", "" -> Type.NONE;
            case "kafka" -> Type.KAFKA;
            case "rabbitmq" -> Type.RABBITMQ;
            default -> throw new IllegalStateException("prm.events.broker is none, kafka or rabbitmq, not '" + broker + "'");
        };
    }

    boolean fromBeginning() {
        return switch (start) {
            case "end" -> false;
            case "beginning" -> true;
            default -> throw new IllegalStateException("prm.events.broker.start is end or beginning, not '" + start + "'");
        };
    }

    int batchSize() {
        return batchSize;
    }

    Duration pollInterval() {
        return pollInterval;
    }

    Duration timeout() {
        return timeout;
    }

    BrokerPublisher publisher() {
        return switch (type()) {
            case KAFKA -> new KafkaPublisher(required(kafkaServers, "prm.events.kafka.bootstrap-servers"), kafkaTopicPrefix,
                    KafkaPublisher.TopicPer.valueOf(kafkaTopicPer.toUpperCase()), timeout);
            case RABBITMQ -> new RabbitPublisher(required(rabbitUri, "prm.events.rabbitmq.uri"), rabbitExchange, timeout);
            case NONE -> throw new IllegalStateException("no broker configured");
        };
    }

    /** For the start-up log line: where events go, without credentials. */
    String describe() {
        return switch (type()) {
            case KAFKA -> kafkaServers.orElse("?") + ", topics " + kafkaTopicPrefix + "{" + kafkaTopicPer + "}";
            case RABBITMQ -> "exchange " + rabbitExchange;
            case NONE -> "none";
        };
    }

    private static String required(Optional<String> value, String name) {
        return value.filter(v -> !v.isBlank()).orElseThrow(() -> new IllegalStateException(name + " must be set for this broker"));
    }
}
