package io.prmos.engine.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.security.Caller;
import io.prmos.engine.store.RecordChange.Operation;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import java.util.Map;

/**
 * A write about to happen, as {@link BeforeWrite} stages see it.
 *
 * @param stored  the stored row (every field, locked for update); {@code null} on create
 * @param values  the validated values the request writes (for an update only the fields it changes)
 * @param pointer the JSON pointer prefix of the record in the request body ({@code ""} or {@code /operations/3/data})
 */
public record PendingWrite(Operation operation, Catalog catalog, EntityDescriptor entity, Caller caller,
                           ObjectNode stored, Map<FieldDescriptor, Object> values, String pointer) {

    public PendingWrite withValues(Map<FieldDescriptor, Object> changed) {
        return new PendingWrite(operation, catalog, entity, caller, stored, changed, pointer);
    }
}
