package io.prmos.engine.agents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.security.Caller;
import io.prmos.engine.store.kernel.RunRows;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.mutiny.core.Vertx;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A run as server-sent events: its stored events after a number ({@code Last-Event-ID}), then each new one
 * as it is written — woken at once by this instance's journal, and by a short poll for what other
 * instances write — with comment heartbeats. The stream ends after the run's final status.
 */
final class RunStream {

    static final Set<String> FINAL = Set.of("succeeded", "failed", "cancelled", "timed_out");

    private final RunRows rows;
    private final RunJournal journal;
    private final Vertx vertx;
    private final Sse sse;
    private final Duration heartbeat;
    private final Duration poll;

    RunStream(RunRows rows, RunJournal journal, Vertx vertx, Sse sse, Duration heartbeat, Duration poll) {
        this.rows = rows;
        this.journal = journal;
        this.vertx = vertx;
        this.sse = sse;
        this.heartbeat = heartbeat;
        this.poll = poll;
    }

    /** {@code endedAtOpen}: the run had finished before the stream opened, so its stored events are all there is. */
    Multi<OutboundSseEvent> open(Caller caller, UUID run, int after, boolean endedAtOpen) {
        return Multi.createFrom().emitter(emitter -> new Session(emitter, caller, run, after, endedAtOpen).start());
    }

    private final class Session {
        private final MultiEmitter<? super OutboundSseEvent> emitter;
        private final Caller caller;
        private final UUID run;
        private final boolean endedAtOpen;
        private int last;
        private boolean busy;
        private boolean again;
        private boolean done;

        Session(MultiEmitter<? super OutboundSseEvent> emitter, Caller caller, UUID run, int after, boolean endedAtOpen) {
            this.emitter = emitter;
            this.caller = caller;
            this.run = run;
            this.last = after;
            this.endedAtOpen = endedAtOpen;
        }

        void start() {
            Runnable stop = journal.listen(run, this::fetch);
            long beat = vertx.setPeriodic(heartbeat.toMillis(), t -> emitter.emit(sse.newEventBuilder().comment("heartbeat").build()));
            long poller = vertx.setPeriodic(poll.toMillis(), t -> fetch());
            emitter.onTermination(() -> {
                stop.run();
                vertx.cancelTimer(beat);
                vertx.cancelTimer(poller);
            });
            emitter.emit(sse.newEventBuilder().comment("stream open").build());
            fetch();
        }

        private void fetch() {
            int from;
            synchronized (this) {
                if (done) {
                    return;
                }
                if (busy) {
                    again = true;
                    return;
                }
                busy = true;
                from = last;
            }
            rows.events(caller, run, from).subscribe().with(this::send, emitter::fail);
        }

        private void send(List<RunRows.Event> events) {
            boolean finished = endedAtOpen;
            boolean repeat;
            synchronized (this) {
                for (RunRows.Event e : events) {
                    if (e.seq() <= last) {
                        continue;
                    }
                    last = e.seq();
                    emitter.emit(render(e));
                    finished |= "status".equals(e.kind()) && FINAL.contains(e.data().path("status").asText());
                }
                busy = false;
                done = finished;
                repeat = again && !finished;
                again = false;
            }
            if (finished) {
                emitter.complete();
            } else if (repeat) {
                fetch();
            }
        }

        private OutboundSseEvent render(RunRows.Event e) {
            ObjectNode data = e.data().deepCopy();
            data.put("seq", e.seq()).put("kind", e.kind()).put("at", e.at());
            return sse.newEventBuilder().id(Integer.toString(e.seq())).name(e.kind()).mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(data.toString()).build();
        }
    }
}
