package io.prmos.engine.events.relay;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The outbox relayed to a real RabbitMQ (Debian's rabbitmq-server): killed with SIGKILL in the middle of
 * a burst of writes and started again, a durable queue bound to the module's events still holds every
 * event, each record's in order, with the event id as message id and header.
 */
@QuarkusTest
@TestProfile(RabbitRelayProfile.class)
class RabbitRelaySpec {

    @Inject
    Pool pool;

    @Test
    void aBrokerKilledMidBurstLosesNoEventAndKeepsEachRecordsOrder() throws Exception {
        RabbitBroker broker = RabbitRelayProfile.broker;
        String queue = "burst-" + UUID.randomUUID();
        try (Connection connection = connect(broker); Channel channel = connection.createChannel()) {
            channel.exchangeDeclare("prm.events", BuiltinExchangeType.TOPIC, true);
            channel.queueDeclare(queue, true, false, false, null);
            channel.queueBind(queue, "prm.events", "partners.*");
        }
        Burst burst = Burst.start(40);
        burst.awaitWrites(30);
        broker.kill();
        burst.awaitWrites(80);
        long[] progress = Burst.progress(pool, "broker:rabbitmq");
        assertTrue(progress[0] < progress[1], "the relay cannot move while the broker is down: " + progress[0] + " of " + progress[1]);
        broker.restart();
        burst.finish();

        List<Burst.Expected> expected = awaitStamped(burst);
        Set<UUID> wanted = expected.stream().map(Burst.Expected::id).collect(Collectors.toSet());
        Delivered delivered = new Delivered();
        long deadline = System.currentTimeMillis() + 90_000;
        try (Connection connection = connect(broker); Channel channel = connection.createChannel()) {
            while (!delivered.ids().containsAll(wanted) && System.currentTimeMillis() < deadline) {
                GetResponse got = channel.basicGet(queue, true);
                if (got == null) {
                    KafkaBroker.sleep(200);
                    continue;
                }
                assertTrue(got.getProps().getDeliveryMode() == 2, "persistent");
                delivered.add(String.valueOf(got.getProps().getHeaders().get("event-id")), got.getProps().getMessageId(), got.getBody());
            }
        }
        delivered.assertComplete(expected, false);
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

    static Connection connect(RabbitBroker broker) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(broker.uri());
        return factory.newConnection("rabbit-relay-spec");
    }
}
