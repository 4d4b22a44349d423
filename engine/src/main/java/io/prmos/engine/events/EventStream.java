package io.prmos.engine.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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

    Multi<OutboundSseEvent> open(String tenant, long after, EventTypes types, Function<DomainEvent, java.util.Optional<ObjectNode>> view) {
        return Multi.createFrom().emitter(emitter -> new Session(emitter, tenant, types, view).start(after));
    }

    private final class Session {
        private final MultiEmitter<? super OutboundSseEvent> emitter;
        private final String tenant;
        private final EventTypes types;
        private final Function<DomainEvent, java.util.Optional<ObjectNode>> view;
        private final List<DomainEvent> held = new ArrayList<>();
        private boolean replaying = true;
        private long last;

        Session(MultiEmitter<? super OutboundSseEvent> emitter, String tenant, EventTypes types,
                Function<DomainEvent, java.util.Optional<ObjectNode>> view) {
            this.emitter = emitter;
            this.tenant = tenant;
            this.types = types;
            this.view = view;
        }

        void start(long after) {
            last = after;
            Runnable stopListening = live.listen(this::onLive);
            long timer = vertx.setPeriodic(heartbeat.toMillis(), id -> emitter.emit(sse.newEventBuilder().comment("heartbeat").build()));
            emitter.onTermination(() -> {
                stopListening.run();
                vertx.cancelTimer(timer);
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
            view.apply(event).ifPresent(envelope -> emitter.emit(sse.newEventBuilder()
                    .id(Long.toString(event.position()))
                    .name(event.type())
                    .mediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE)
                    .data(envelope.toString())
                    .build()));
        }
    }
}
