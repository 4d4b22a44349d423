package io.prmos.engine.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.security.Caller;
import io.prmos.engine.store.TransactionRecords;
import io.prmos.engine.validation.RecordValidator;
import io.prmos.hooks.ActionContext;
import io.prmos.hooks.Jobs;
import io.prmos.hooks.Principal;
import io.prmos.hooks.Records;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.Map;
import java.util.UUID;

/** One custom action call, as its hook sees it. */
final class ActionHookContext implements ActionContext {

    private final HookCall call;
    private final EntityDescriptor entity;
    private final String action;
    private final ObjectNode record;
    private final JsonNode input;
    private final Caller caller;
    private final SqlConnection connection;
    private final Catalog catalog;
    private final TransactionRecords records;
    private final RecordValidator validator;
    private final HookEvents events;
    private final Jobs jobs;

    ActionHookContext(HookCall call, EntityDescriptor entity, String action, ObjectNode record, JsonNode input, Caller caller,
                      SqlConnection connection, Catalog catalog, TransactionRecords records, RecordValidator validator,
                      HookEvents events, Jobs jobs) {
        this.call = call;
        this.entity = entity;
        this.action = action;
        this.record = record;
        this.input = input;
        this.caller = caller;
        this.connection = connection;
        this.catalog = catalog;
        this.records = records;
        this.validator = validator;
        this.events = events;
        this.jobs = jobs;
    }

    @Override
    public String entity() {
        return entity.qualifiedName();
    }

    @Override
    public String action() {
        return action;
    }

    @Override
    public UUID id() {
        return UUID.fromString(record.path("id").asText());
    }

    @Override
    public Map<String, Object> record() {
        call.ensureOpen();
        return RecordMaps.toMap(record);
    }

    @Override
    public Map<String, Object> input() {
        call.ensureOpen();
        return RecordMaps.toMap(input);
    }

    @Override
    public Principal principal() {
        return RecordSnapshot.principal(caller);
    }

    @Override
    public Records records(String qualifiedEntity) {
        call.ensureOpen();
        return new ConnectionRecords(call, connection, caller, catalog, qualifiedEntity, records, validator);
    }

    @Override
    public void emit(String event, Map<String, Object> payload) {
        call.await(events.emit(connection, caller, event, payload));
    }

    @Override
    public Jobs jobs() {
        call.ensureOpen();
        return jobs;
    }
}
