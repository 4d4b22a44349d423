package io.prmos.engine.hooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.events.EventEmitter;
import io.prmos.engine.security.Caller;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test stand-in for the outbox's emitter while the events package has none: remembers emitted events.
 * A {@link DefaultBean}, so a real {@link EventEmitter} replaces it (specs then read the outbox).
 */
@ApplicationScoped
@DefaultBean
public class RecordingEventEmitter implements EventEmitter {

    public record Emitted(String event, ObjectNode payload) {
    }

    private static final List<Emitted> EMITTED = new CopyOnWriteArrayList<>();

    @Override
    public Uni<Void> emit(SqlConnection connection, Caller caller, String event, ObjectNode payload) {
        EMITTED.add(new Emitted(event, payload));
        return Uni.createFrom().voidItem();
    }

    public static List<Emitted> emitted() {
        return List.copyOf(EMITTED);
    }
}
