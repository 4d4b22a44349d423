package io.prmos.metadata.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.metadata.model.FieldDef;

/**
 * Maps a field definition that already passed the checks (e.g. a stored custom field) to its
 * {@link FieldDef}, with the same per-type defaults as a field in a manifest.
 */
public final class FieldDefinitions {

    private FieldDefinitions() {
    }

    public static FieldDef map(String name, JsonNode definition) {
        return FieldMapper.map(name, definition);
    }
}
