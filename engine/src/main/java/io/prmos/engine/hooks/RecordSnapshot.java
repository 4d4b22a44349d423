package io.prmos.engine.hooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.security.Caller;
import io.prmos.engine.store.RecordChange;
import io.prmos.hooks.Operation;
import io.prmos.hooks.Principal;
import io.prmos.hooks.RecordView;
import io.prmos.metadata.catalog.EntityDescriptor;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What every hook context shows of the record and the caller; shared by the concrete contexts. */
abstract class RecordSnapshot implements RecordView {

    protected final HookCall call;
    private final EntityDescriptor entity;
    private final Operation operation;
    private final Caller caller;
    private final Map<String, Object> before;
    private final UUID id;

    RecordSnapshot(HookCall call, EntityDescriptor entity, RecordChange.Operation operation, Caller caller,
                   ObjectNode before, UUID id) {
        this.call = call;
        this.entity = entity;
        this.operation = operation(operation);
        this.caller = caller;
        this.before = RecordMaps.toMap(before);
        this.id = id;
    }

    static Operation operation(RecordChange.Operation operation) {
        switch (operation) {
            case CREATED: return Operation.CREATE;
            case UPDATED: return Operation.UPDATE;
            case DELETED: return Operation.DELETE;
            default: return Operation.RESTORE;
        }
    }

    static Principal principal(Caller caller) {
        return new Principal(caller.tenant(), caller.user(), caller.roles());
    }

    @Override
    public String entity() {
        return entity.qualifiedName();
    }

    @Override
    public Operation operation() {
        return operation;
    }

    @Override
    public Optional<UUID> id() {
        return Optional.ofNullable(id);
    }

    @Override
    public Principal principal() {
        return principal(caller);
    }

    @Override
    public Optional<Map<String, Object>> before() {
        call.ensureOpen();
        return Optional.ofNullable(before);
    }

    protected Caller caller() {
        return caller;
    }

    protected EntityDescriptor descriptor() {
        return entity;
    }
}
