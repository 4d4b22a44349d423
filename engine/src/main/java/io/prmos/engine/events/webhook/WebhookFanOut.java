package io.prmos.engine.events.webhook;

import io.prmos.engine.events.DomainEvent;
import io.prmos.engine.events.EventSubscriber;
import io.prmos.engine.events.EventTypes;
import io.smallrye.mutiny.Multi;
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
 * subscription. It only writes rows, so it never waits for a receiver; the {@link WebhookDispatcher}
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
        return manifestWebhooks.synced()
                .flatMap(x -> pool.preparedQuery(WebhookStatements.ACTIVE_FOR_TENANT).execute(Tuple.of(event.tenant())))
                .flatMap(rows -> {
                    List<UUID> matching = new ArrayList<>();
                    for (Row row : rows) {
                        if (EventTypes.parse(row.getString("pattern")).matches(event.type())) {
                            matching.add(row.getUUID("id"));
                        }
                    }
                    if (matching.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    return Multi.createFrom().iterable(matching)
                            .onItem().transformToUniAndConcatenate(id -> pool.preparedQuery(WebhookStatements.ENQUEUE)
                                    .execute(Tuple.of(id, event.id(), event.position(), event.subject())))
                            .collect().asList().invoke(dispatcher::wakeUp).replaceWithVoid();
                });
    }
}
