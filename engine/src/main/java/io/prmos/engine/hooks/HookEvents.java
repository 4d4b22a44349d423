package io.prmos.engine.hooks;

import io.prmos.engine.events.EventEmitter;
import io.prmos.engine.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Custom events emitted by hooks and workflow transitions, written through the {@link EventEmitter}
 * on the write transaction's connection. Without an emitter installed (an engine built without the
 * events package) an event is logged and dropped rather than failing the write.
 */
@ApplicationScoped
public class HookEvents {

    private static final Logger LOG = Logger.getLogger(HookEvents.class);

    @Inject
    Instance<EventEmitter> emitters;

    public Uni<Void> emit(SqlConnection connection, Caller caller, String event, Map<String, ?> payload) {
        if (!emitters.isResolvable()) {
            LOG.infof("No event emitter installed; event %s dropped: %s", event, payload);
            return Uni.createFrom().voidItem();
        }
        return emitters.get().emit(connection, caller, event, RecordMaps.toJson(payload));
    }
}
