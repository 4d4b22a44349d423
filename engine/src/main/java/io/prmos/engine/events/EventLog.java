package io.prmos.engine.events;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** Reads stamped events from the log, on the owner's connection (the relay, replay and streams filter by tenant). */
public final class EventLog {

    private EventLog() {
    }

    public static Uni<List<DomainEvent>> after(SqlClient client, long position, int limit) {
        return client.preparedQuery(OutboxStatements.AFTER).execute(Tuple.of(position, limit)).map(EventLog::events);
    }

    public static Uni<List<DomainEvent>> afterForTenant(SqlClient client, String tenant, long position, int limit) {
        return client.preparedQuery(OutboxStatements.AFTER_FOR_TENANT).execute(Tuple.of(tenant, position, limit))
                .map(EventLog::events);
    }

    public static Uni<Long> lastPosition(SqlClient client) {
        return client.query(OutboxStatements.LAST_POSITION).execute().map(rows -> rows.iterator().next().getLong(0));
    }

    private static List<DomainEvent> events(Iterable<Row> rows) {
        List<DomainEvent> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(event(r));
        }
        return out;
    }

    /** A row with the log's columns (see OutboxStatements.COLUMNS) as an event; its data is parsed when first used. */
    public static DomainEvent event(Row r) {
        Object value = r.getValue("data");
        String text = value instanceof JsonObject json ? json.encode() : String.valueOf(value);
        return DomainEvent.stored(r.getLong("position"), r.getUUID("event_id"), r.getString("tenant_id"), r.getString("type"),
                r.getString("module"), r.getString("entity"), r.getUUID("record_id"), r.getString("subject"),
                r.getLong("sequence"), r.getString("actor"), r.getOffsetDateTime("occurred_at"), text);
    }
}
