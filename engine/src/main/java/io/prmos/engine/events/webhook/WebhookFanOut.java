package io.prmos.engine.events.webhook;

import io.prmos.engine.events.DomainEvent;
import io.prmos.engine.events.EventSubscriber;
import io.prmos.engine.events.EventTypes;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The relay's webhook subscriber: turns each logged event into one pending delivery per matching
 * subscription, a relay batch at a time (one query for the subscriptions, one insert for the deliveries). It only writes rows, so it never waits for a receiver; the {@link WebhookDispatcher}
 * sends them. Enqueueing is idempotent per (subscription, event), as the relay delivers at least once.
 */
@ApplicationScoped
public class WebhookFanOut implements EventSubscriber {

    @Inject
    Pool pool;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    ManifestWebhooks manifestWebhooks;

    @Override
    public String id() {
        return "webhooks";
    }

    @Override
    public Uni<Void> onEvent(DomainEvent event) {
        return onEvents(List.of(event));
    }

    /** One query for the subscriptions of the batch's tenants, one statement for all its deliveries. */
    @Override
    public Uni<Void> onEvents(List<DomainEvent> events) {
        String[] tenants = events.stream().map(DomainEvent::tenant).distinct().toArray(String[]::new);
        return manifestWebhooks.synced()
                .flatMap(x -> pool.preparedQuery(WebhookStatements.ACTIVE_FOR_TENANTS).execute(Tuple.of(tenants)))
                .flatMap(rows -> {
                    Deliveries deliveries = new Deliveries();
                    for (DomainEvent event : events) {
                        for (Row row : rows) {
                            String tenant = row.getString("tenant_id");
                            if ((tenant == null || tenant.equals(event.tenant()))
                                    && EventTypes.parse(row.getString("pattern")).matches(event.type())) {
                                deliveries.add(row.getUUID("id"), event);
                            }
                        }
                    }
                    if (deliveries.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    return pool.preparedQuery(WebhookStatements.ENQUEUE).execute(deliveries.tuple())
                            .invoke(dispatcher::wakeUp).replaceWithVoid();
                });
    }

    @Override
    public boolean batches() {
        return true;
    }

    /** The enqueue statement's arrays: one element per (subscription, event), in event order. */
    private static final class Deliveries {
        private final List<UUID> subscriptions = new ArrayList<>();
        private final List<UUID> events = new ArrayList<>();
        private final List<Long> positions = new ArrayList<>();
        private final List<String> subjects = new ArrayList<>();

        void add(UUID subscription, DomainEvent event) {
            subscriptions.add(subscription);
            events.add(event.id());
            positions.add(event.position());
            subjects.add(event.subject());
        }

        boolean isEmpty() {
            return subscriptions.isEmpty();
        }

        Tuple tuple() {
            return Tuple.of(subscriptions.toArray(UUID[]::new), events.toArray(UUID[]::new), positions.toArray(Long[]::new),
                    subjects.toArray(String[]::new));
        }
    }
}
