package io.prmos.engine.hooks;

import io.prmos.engine.store.RecordChange;
import io.prmos.engine.store.TransactionRecords;
import io.prmos.engine.validation.RecordValidator;
import io.prmos.hooks.AfterContext;
import io.prmos.hooks.Change;
import io.prmos.hooks.Jobs;
import io.prmos.hooks.Records;
import io.prmos.metadata.catalog.Catalog;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A written record inside its transaction, as an after-hook sees it, with access to other records, events and jobs. */
final class AfterHookContext extends RecordSnapshot implements AfterContext {

    private final RecordChange change;
    private final SqlConnection connection;
    private final Catalog catalog;
    private final TransactionRecords records;
    private final RecordValidator validator;
    private final HookEvents events;
    private final Jobs jobs;

    AfterHookContext(HookCall call, RecordChange change, SqlConnection connection, Catalog catalog,
                     TransactionRecords records, RecordValidator validator, HookEvents events, HookJobs jobs) {
        super(call, change.entity(), change.operation(), change.caller(), change.before(), change.id());
        this.change = change;
        this.connection = connection;
        this.catalog = catalog;
        this.records = records;
        this.validator = validator;
        this.events = events;
        this.jobs = jobs.on(call, connection, change.caller());
    }

    @Override
    public Map<String, Object> after() {
        call.ensureOpen();
        return RecordMaps.toMap(change.after());
    }

    @Override
    public Map<String, Change> changes() {
        Map<String, Change> out = new LinkedHashMap<>();
        change.changedFields().forEach((field, c) -> out.put(field, new Change(plain(c.oldValue()), plain(c.newValue()))));
        return Collections.unmodifiableMap(out);
    }

    private static Object plain(com.fasterxml.jackson.databind.JsonNode value) {
        if (value == null) {
            return null;
        }
        com.fasterxml.jackson.databind.node.ObjectNode holder = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        holder.set("v", value);
        return RecordMaps.toMap(holder).get("v");
    }

    @Override
    public Records records(String entity) {
        call.ensureOpen();
        return new ConnectionRecords(call, connection, caller(), catalog, entity, records, validator);
    }

    @Override
    public void emit(String event, Map<String, Object> payload) {
        call.await(events.emit(connection, caller(), event, payload));
    }

    @Override
    public Jobs jobs() {
        call.ensureOpen();
        return jobs;
    }
}
