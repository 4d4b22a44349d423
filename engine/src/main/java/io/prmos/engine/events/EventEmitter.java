package io.prmos.engine.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Emits a custom event declared in a manifest ({@code events.publishes}) inside the caller's write
 * transaction: the payload is validated against the event's schema and written to the outbox on
 * the given connection, so it is delivered only if that transaction commits.
 */
public interface EventEmitter {

    /**
     * @param event the qualified event name, e.g. {@code partners.PartnerTierChanged}
     */
    Uni<Void> emit(SqlConnection connection, Caller caller, String event, ObjectNode payload);
}
