package io.prmos.engine.events.relay;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The outbox relayed to a real Kafka (KRaft, a separate JVM): killed with SIGKILL in the middle of a
 * burst of writes and started again, it still receives every event, each record's in order, keyed by
 * the record URN with the event id in a header.
 */
@QuarkusTest
@TestProfile(KafkaRelayProfile.class)
class KafkaRelaySpec {

    private static final String TOPIC = "prm.partners";

    @Inject
    Pool pool;

    @Test
    void aBrokerKilledMidBurstLosesNoEventAndKeepsEachRecordsOrder() throws Exception {
        KafkaBroker broker = KafkaRelayProfile.broker;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        }
        Burst burst = Burst.start(40);
        burst.awaitWrites(30);
        broker.kill();
        burst.awaitWrites(80);
        long[] progress = Burst.progress(pool, "broker:kafka");
        assertTrue(progress[0] < progress[1], "the relay cannot move while the broker is down: " + progress[0] + " of " + progress[1]);
        broker.restart();
        burst.finish();

        List<Burst.Expected> expected = awaitStamped(burst);
        Delivered delivered = consume(broker, expected.stream().map(Burst.Expected::id).collect(java.util.stream.Collectors.toSet()));
        delivered.assertComplete(expected, true);
    }

    private List<Burst.Expected> awaitStamped(Burst burst) {
        long deadline = System.currentTimeMillis() + 30_000;
        List<Burst.Expected> expected = burst.expected(pool);
        while (expected.size() < burst.records() * 3 && System.currentTimeMillis() < deadline) {
            KafkaBroker.sleep(200);
            expected = burst.expected(pool);
        }
        return expected;
    }

    private static Delivered consume(KafkaBroker broker, Set<java.util.UUID> expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Delivered delivered = new Delivered();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(i -> new TopicPartition(TOPIC, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.currentTimeMillis() + 90_000;
            while (!delivered.ids().containsAll(expected) && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    delivered.add(new String(r.headers().lastHeader("event-id").value(), StandardCharsets.UTF_8), r.key(), r.value());
                }
            }
        }
        return delivered;
    }
}
