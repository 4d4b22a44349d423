package io.prmos.hooks;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Records of one entity, read and written inside the hook's transaction as the system (no
 * permission checks: hooks are trusted module code). Writes are validated like API input and run
 * the target entity's own rules, hooks and events.
 */
public interface Records {

    Optional<Map<String, Object>> get(UUID id);

    /** Records matching a filter in the API's filter language, e.g. {@code partner eq 'id' and stage eq 'won'}. */
    java.util.List<Map<String, Object>> find(String filter, int limit);

    /** Creates a record; returns it as stored. */
    Map<String, Object> create(Map<String, Object> values);

    /** Changes the given fields of a record; returns it as stored. */
    Map<String, Object> update(UUID id, Map<String, Object> values);
}
