package io.prmos.engine.events;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Writes events to the outbox on the caller's transaction, so they exist only if it commits. */
public final class OutboxWriter {

    public Uni<Void> write(SqlConnection connection, NewEvent event) {
        Tuple values = Tuple.tuple()
                .addUUID(event.eventId())
                .addString(event.tenant())
                .addString(event.type())
                .addString(event.module())
                .addString(event.entity())
                .addUUID(event.recordId())
                .addString(event.subject())
                .addLong(event.sequence())
                .addString(event.actor())
                .addValue(new io.vertx.core.json.JsonObject(event.data().toString()));
        return connection.preparedQuery(OutboxStatements.INSERT).execute(values).replaceWithVoid();
    }
}
