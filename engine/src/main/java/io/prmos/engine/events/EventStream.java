package io.prmos.engine.events;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * One server-sent event stream: the log from a position (resume), then live events, each shown as the
 * caller may see it, with comment heartbeats in between. Live events that arrive while the log is being
 * replayed are held and passed on afterwards without duplicates (by position).
 */
final class EventStream {

    private static final int PAGE = 200;

    private final Pool pool;
    private final LiveEvents live;
    private final Vertx vertx;
    private final Sse sse;
    private final Duration heartbeat;

    EventStream(Pool pool, LiveEvents live, Vertx vertx, Sse sse, Duration heartbeat) {
        this.pool = pool;
        this.live = live;
        this.vertx = vertx;
        this.sse = sse;
        this.heartbeat = heartbeat;
    }

    Multi<OutboundSseEvent> open(String tenant, long after, EventTypes types, EventVisibility visibility, RowAccess rows) {
        return Multi.createFrom().emitter(emitter -> new Session(emitter, tenant, types, visibility, rows).start(after));
    }

    private final class Session {
        private final MultiEmitter<? super OutboundSseEvent> emitter;
        private final String tenant;
        private final EventTypes types;
        private final EventVisibility visibility;
        private final RowAccess rows;
        /** Events in position order, rendered one after the other (a row check may query the database). */
        private final UnicastProcessor<DomainEvent> outgoing = UnicastProcessor.create();
        private final List<DomainEvent> held = new ArrayList<>();
        private boolean replaying = true;
        private long last;

        Session(MultiEmitter<? super OutboundSseEvent> emitter, String tenant, EventTypes types,
                EventVisibility visibility, RowAccess rows) {
            this.emitter = emitter;
            this.tenant = tenant;
            this.types = types;
            this.visibility = visibility;
            this.rows = rows;
        }

        void start(long after) {
            last = after;
            Runnable stopListening = live.listen(this::onLive);
            long timer = vertx.setPeriodic(heartbeat.toMillis(), id -> emitter.emit(sse.newEventBuilder().comment("heartbeat").build()));
            Cancellable rendering = outgoing.onItem().transformToUniAndConcatenate(this::render)
                    .subscribe().with(shown -> shown.ifPresent(emitter::emit), emitter::fail);
            emitter.onTermination(() -> {
                stopListening.run();
                vertx.cancelTimer(timer);
                rendering.cancel();
            });
            emitter.emit(sse.newEventBuilder().comment("stream open").build());
            replayPage();
        }

        private void replayPage() {
            long from;
            synchronized (this) {
                from = last;
            }
            pool.withConnection(c -> EventLog.afterForTenant(c, tenant, from, PAGE)).subscribe().with(events -> {
                events.forEach(this::send);
                if (events.size() == PAGE) {
                    replayPage();
                } else {
                    goLive();
                }
            }, emitter::fail);
        }

        private synchronized void goLive() {
            replaying = false;
            held.forEach(this::send);
            held.clear();
        }

        private synchronized void onLive(DomainEvent event) {
            if (!tenant.equals(event.tenant())) {
                return;
            }
            if (replaying) {
                held.add(event);
            } else {
                send(event);
            }
        }

        private synchronized void send(DomainEvent event) {
            if (event.position() <= last) {
                return;
            }
            last = event.position();
            if (!types.matches(event.type())) {
                return;
            }
            outgoing.onNext(event);
        }

        private Uni<Optional<OutboundSseEvent>> render(DomainEvent event) {
            Optional<EventVisibility.RowCheck> check;
            synchronized (this) { // the visibility's decision cache is not shared across threads
                check = visibility.rowCheck(event);
            }
            Uni<Set<UUID>> readable = check.isEmpty() ? Uni.createFrom().item(Set.<UUID>of()) : rows.readable(List.of(check.get()));
            return readable.map(ids -> {
                synchronized (this) {
                    return visibility.view(event, ids::contains).map(envelope -> sse.newEventBuilder()
                            .id(Long.toString(event.position()))
                            .name(event.type())
                            .mediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE)
                            .data(envelope.toString())
                            .build());
                }
            });
        }
    }
}
