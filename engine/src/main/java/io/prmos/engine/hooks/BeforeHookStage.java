package io.prmos.engine.hooks;

import io.prmos.engine.store.BeforeWrite;
import io.prmos.engine.store.PendingWrite;
import io.prmos.engine.store.RecordChange.Operation;
import io.prmos.engine.validation.TypedValues;
import io.prmos.engine.validation.ValidationException;
import io.prmos.hooks.RecordHook;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.model.EntityHooks;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Before-hooks as a write stage (order 20: after the workflow's initial state, before formulas and
 * validation rules). The hooks of the phase run one after the other on the record as it will be
 * written; their changes are type-checked like input and merged into the write, their errors
 * reported together as a 422.
 */
@ApplicationScoped
public class BeforeHookStage implements BeforeWrite {

    public static final int ORDER = 20;

    @Inject
    HookCatalog catalog;

    @Inject
    HookRunner runner;

    @Override
    public int order() {
        return ORDER;
    }

    static String phase(Operation operation) {
        switch (operation) {
            case CREATED: return "beforeCreate";
            case UPDATED: return "beforeUpdate";
            case DELETED: return "beforeDelete";
            default: return "";
        }
    }

    @Override
    public boolean appliesTo(PendingWrite write) {
        return !write.entity().def().hooks().of(phase(write.operation())).isEmpty();
    }

    @Override
    public Uni<Map<FieldDescriptor, Object>> prepare(SqlConnection connection, PendingWrite write) {
        EntityHooks hooks = write.entity().def().hooks();
        String phase = phase(write.operation());
        BeforeHookContext.Outcome outcome = new BeforeHookContext.Outcome(TypedValues.merged(write.stored(), write.values()));
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String id : hooks.of(phase)) {
            chain = chain.flatMap(x -> {
                HookCall call = runner.call(id, hooks.timeoutMillis());
                RecordHook hook = catalog.record(id).orElseThrow(() -> HookFailure.failed(id, "it is not installed", null));
                BeforeHookContext context = new BeforeHookContext(call, write, outcome);
                return runner.run(call, write.pointer(), () -> invoke(hook, phase, context));
            });
        }
        return chain.map(x -> result(write, outcome));
    }

    private static Map<FieldDescriptor, Object> result(PendingWrite write, BeforeHookContext.Outcome outcome) {
        synchronized (outcome) {
            if (!outcome.errors.isEmpty()) {
                throw new ValidationException(List.copyOf(outcome.errors));
            }
            Map<FieldDescriptor, Object> values = new LinkedHashMap<>(write.values());
            values.putAll(TypedValues.parse(write.entity(), RecordMaps.toJson(outcome.sets), write.pointer()));
            return values;
        }
    }

    private static void invoke(RecordHook hook, String phase, BeforeHookContext context) {
        switch (phase) {
            case "beforeCreate": hook.beforeCreate(context); break;
            case "beforeUpdate": hook.beforeUpdate(context); break;
            default: hook.beforeDelete(context); break;
        }
    }
}
