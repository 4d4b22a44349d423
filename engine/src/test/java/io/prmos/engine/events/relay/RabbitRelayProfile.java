package io.prmos.engine.events.relay;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The engine relaying to a real RabbitMQ started for this profile (Quarkus restarts for it). */
public class RabbitRelayProfile implements QuarkusTestProfile {

    static RabbitBroker broker;

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Resource.class));
    }

    public static class Resource implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try {
                broker = RabbitBroker.start();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return Map.of("prm.events.broker", "rabbitmq", "prm.events.rabbitmq.uri", broker.uri(),
                    "prm.events.broker.poll-interval", "PT0.2S", "prm.events.broker.timeout", "PT3S");
        }

        @Override
        public void stop() {
            try {
                broker.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
