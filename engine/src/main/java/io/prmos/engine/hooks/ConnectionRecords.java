package io.prmos.engine.hooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.query.ListQuery;
import io.prmos.engine.query.ListQueryParser;
import io.prmos.engine.security.Caller;
import io.prmos.engine.store.TransactionRecords;
import io.prmos.engine.validation.RecordValidator;
import io.prmos.engine.validation.TypedValues;
import io.prmos.engine.validation.WriteMode;
import io.prmos.hooks.Records;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** {@link Records} of one entity on the hook's transaction, each call bounded by the hook's deadline. */
final class ConnectionRecords implements Records {

    private final HookCall call;
    private final SqlConnection connection;
    private final Caller caller;
    private final Catalog catalog;
    private final EntityDescriptor entity;
    private final TransactionRecords records;
    private final RecordValidator validator;

    ConnectionRecords(HookCall call, SqlConnection connection, Caller caller, Catalog catalog, String qualifiedEntity,
                      TransactionRecords records, RecordValidator validator) {
        this.call = call;
        this.connection = connection;
        this.caller = caller;
        this.catalog = catalog;
        this.entity = resolve(catalog, qualifiedEntity);
        this.records = records;
        this.validator = validator;
    }

    private static EntityDescriptor resolve(Catalog catalog, String qualified) {
        int dot = qualified.indexOf('.');
        Optional<EntityDescriptor> found = dot < 0 ? Optional.empty()
                : catalog.module(qualified.substring(0, dot)).flatMap(m -> m.entities().stream()
                        .filter(e -> e.name().equals(qualified.substring(dot + 1))).findFirst());
        return found.orElseThrow(() -> new IllegalArgumentException("no installed entity " + qualified));
    }

    @Override
    public Optional<Map<String, Object>> get(UUID id) {
        return call.await(records.get(connection, caller, entity, id)).map(RecordMaps::toMap);
    }

    @Override
    public List<Map<String, Object>> find(String filter, int limit) {
        ListQuery query = ListQueryParser.parse(entity, allFields(), filter, null, String.valueOf(limit), null, null, null);
        return call.await(records.find(connection, caller, entity, query)).stream().map(RecordMaps::toMap).toList();
    }

    @Override
    public Map<String, Object> create(Map<String, Object> values) {
        Set<String> fields = allFields();
        Map<FieldDescriptor, Object> typed = validator.validate(catalog.module(entity.module()).orElseThrow(), entity,
                RecordMaps.toJson(values), WriteMode.CREATE, "", fields, fields);
        return RecordMaps.toMap(call.await(records.create(connection, caller, catalog, entity, typed)));
    }

    @Override
    public Map<String, Object> update(UUID id, Map<String, Object> values) {
        Map<FieldDescriptor, Object> typed = TypedValues.parse(entity, RecordMaps.toJson(values), "");
        ObjectNode written = call.await(records.update(connection, caller, catalog, entity, id, typed));
        return RecordMaps.toMap(written);
    }

    private Set<String> allFields() {
        Set<String> fields = new HashSet<>();
        entity.fields().forEach(f -> fields.add(f.name()));
        return fields;
    }
}
