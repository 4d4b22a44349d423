package io.prmos.engine.hooks;

import io.prmos.engine.store.RecordChange;
import io.prmos.hooks.CommitContext;
import java.util.Map;

/** A committed write, as an after-commit hook sees it. */
final class CommitHookContext extends RecordSnapshot implements CommitContext {

    private final RecordChange change;

    CommitHookContext(HookCall call, RecordChange change) {
        super(call, change.entity(), change.operation(), change.caller(), change.before(), change.id());
        this.change = change;
    }

    @Override
    public Map<String, Object> after() {
        return RecordMaps.toMap(change.after());
    }
}
