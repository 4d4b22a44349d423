package io.prmos.engine.hooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.store.PendingWrite;
import io.prmos.engine.validation.Violation;
import io.prmos.hooks.BeforeContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The record about to be written, as one before-hook call sees and changes it. The {@link Outcome}
 * is shared by the before-hooks of one write, so a later hook sees what an earlier one set.
 */
final class BeforeHookContext extends RecordSnapshot implements BeforeContext {

    /** What the before-hooks of one write have done so far. */
    static final class Outcome {
        final ObjectNode merged;
        final Map<String, Object> sets = new LinkedHashMap<>();
        final List<Violation> errors = new ArrayList<>();

        Outcome(ObjectNode merged) {
            this.merged = merged;
        }
    }

    private final PendingWrite write;
    private final Outcome outcome;

    BeforeHookContext(HookCall call, PendingWrite write, Outcome outcome) {
        super(call, write.entity(), write.operation(), write.caller(), write.stored(),
                write.stored() == null ? null : UUID.fromString(write.stored().path("id").asText()));
        this.write = write;
        this.outcome = outcome;
    }

    @Override
    public Map<String, Object> values() {
        call.ensureOpen();
        synchronized (outcome) {
            return RecordMaps.toMap(outcome.merged);
        }
    }

    @Override
    public Object get(String field) {
        return values().get(field);
    }

    @Override
    public void set(String field, Object value) {
        call.ensureOpen();
        if (descriptor().field(field).isEmpty()) {
            throw new IllegalArgumentException("'" + field + "' is not a field of " + entity());
        }
        synchronized (outcome) {
            outcome.sets.put(field, value);
            outcome.merged.set(field, RecordMaps.toJson(value));
        }
    }

    @Override
    public Set<String> changedFields() {
        Set<String> changed = new LinkedHashSet<>();
        write.values().keySet().forEach(f -> changed.add(f.name()));
        synchronized (outcome) {
            changed.addAll(outcome.sets.keySet());
        }
        return Collections.unmodifiableSet(changed);
    }

    @Override
    public void addError(String field, String message) {
        call.ensureOpen();
        synchronized (outcome) {
            outcome.errors.add(new Violation(write.pointer() + "/" + field, "hook", message));
        }
    }
}
