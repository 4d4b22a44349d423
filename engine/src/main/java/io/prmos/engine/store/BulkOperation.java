package io.prmos.engine.store;

import io.prmos.metadata.catalog.FieldDescriptor;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** One validated item of a bulk request: a create (no id) or a partial update of {@code id}. */
public record BulkOperation(int index, Optional<UUID> id, OptionalLong ifMatch, Map<FieldDescriptor, Object> values) {

    public String pointer() {
        return "/operations/" + index + "/data";
    }
}
