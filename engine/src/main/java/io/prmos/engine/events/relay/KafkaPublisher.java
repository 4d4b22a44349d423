package io.prmos.engine.events.relay;

import io.prmos.engine.events.DomainEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes to Kafka: one topic per module ({@code prefix + module}) or per event type, key = record URN,
 * headers {@code event-id}, {@code event-type}, {@code tenant}, {@code position}. The producer is
 * idempotent with {@code acks=all} and at most five requests in flight, so retries inside the client
 * neither reorder nor duplicate a partition's records. Batches never expire inside the client; when a
 * batch fails or the relay's deadline passes, the producer is closed at once (nothing behind the failed
 * batch is sent) and a new one is made for the retry (a fresh producer id, no stale state).
 */
final class KafkaPublisher implements BrokerPublisher {

    enum TopicPer { MODULE, TYPE }

    private final String bootstrapServers;
    private final String prefix;
    private final TopicPer topicPer;
    private final Duration timeout;
    private KafkaProducer<String, byte[]> producer;

    KafkaPublisher(String bootstrapServers, String prefix, TopicPer topicPer, Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.prefix = prefix;
        this.topicPer = topicPer;
        this.timeout = timeout;
    }

    String topic(DomainEvent event) {
        return prefix + (topicPer == TopicPer.MODULE ? event.module() : event.type());
    }

    @Override
    public void publish(List<DomainEvent> events) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            KafkaProducer<String, byte[]> p = producer();
            List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
            for (DomainEvent event : events) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic(event), null, Envelopes.key(event), Envelopes.body(event), headers(event));
                sent.add(p.send(record, (metadata, failure) -> stopAfter(p, failure)));
            }
            p.flush();
            for (Future<RecordMetadata> f : sent) {
                f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(e);
        } catch (ExecutionException e) {
            throw failed(e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            throw failed(e);
        }
    }

    /**
     * A batch the producer gave up on must be the last thing it sends: after a batch fails for good (an
     * out-of-order sequence after a broker restart, say) an idempotent producer bumps its epoch and sends
     * the batches queued behind it, so a record's later events would be stored before the earlier ones the
     * relay then sends again. Closing at once from the callback (on the producer's own thread, before its
     * next send) aborts everything queued; the relay retries the whole batch with a new producer.
     */
    private static void stopAfter(KafkaProducer<String, byte[]> producer, Exception failure) {
        if (failure != null) {
            producer.close(Duration.ZERO);
        }
    }

    private static RecordHeaders headers(DomainEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("event-id", bytes(event.id().toString()));
        headers.add("event-type", bytes(event.type()));
        headers.add("tenant", bytes(event.tenant()));
        headers.add("position", bytes(Long.toString(event.position())));
        return headers;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private BrokerUnavailable failed(Throwable cause) {
        close();
        return new BrokerUnavailable("Kafka at " + bootstrapServers + " did not acknowledge the batch: " + cause, cause);
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            p.put(ProducerConfig.CLIENT_ID_CONFIG, "prm-event-relay");
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            int millis = (int) timeout.toMillis();
            p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
            // The producer never gives up on a batch by itself: an expired batch makes an idempotent producer
            // bump its epoch and send the batches behind it, so a record's later events would land before the
            // earlier one the relay then retries. The relay's own deadline closes the producer instead.
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
            p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis);
            p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2000);
            producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }
}
