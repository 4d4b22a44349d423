package io.prmos.engine.hooks;

import io.prmos.engine.registry.CatalogHolder;
import io.prmos.engine.store.ChangeObserver;
import io.prmos.engine.store.RecordChange;
import io.prmos.engine.store.TenantTransactions;
import io.prmos.engine.store.TransactionRecords;
import io.prmos.engine.validation.RecordValidator;
import io.prmos.hooks.RecordHook;
import io.prmos.metadata.model.EntityHooks;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * After-hooks, as the change observer of order 10 (before audit history at 50 and the outbox at 100):
 * they run inside the write transaction, in manifest order, and may write other records and emit
 * events there. After-commit hooks are queued on the transaction and run once it has committed.
 * A restore runs no record hooks except after-commit ones.
 */
@ApplicationScoped
public class AfterHookObserver implements ChangeObserver {

    public static final int ORDER = 10;

    @Inject
    HookCatalog hooks;

    @Inject
    HookRunner runner;

    @Inject
    HookEvents events;

    @Inject
    HookJobs jobs;

    @Inject
    CatalogHolder catalogs;

    @Inject
    TenantTransactions transactions;

    @Inject
    TransactionRecords records;

    @Inject
    RecordValidator validator;

    @Override
    public int order() {
        return ORDER;
    }

    /** Only entities that declare hooks; the others' writes skip this observer entirely. */
    @Override
    public boolean observes(io.prmos.metadata.catalog.EntityDescriptor entity) {
        return !entity.def().hooks().isEmpty();
    }

    static String phase(RecordChange.Operation operation) {
        switch (operation) {
            case CREATED: return "afterCreate";
            case UPDATED: return "afterUpdate";
            case DELETED: return "afterDelete";
            default: return "";
        }
    }

    @Override
    public Uni<Void> onChange(SqlConnection connection, RecordChange change) {
        EntityHooks declared = change.entity().def().hooks();
        if (declared.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String phase = phase(change.operation());
        for (String id : declared.of("afterCommit")) {
            transactions.afterCommit(connection, () -> runner.detached(runner.call(id, declared.timeoutMillis()),
                    call -> hook(id).afterCommit(new CommitHookContext(call, change))));
        }
        List<String> ids = declared.of(phase);
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String id : ids) {
            chain = chain.flatMap(x -> {
                HookCall call = runner.call(id, declared.timeoutMillis());
                RecordHook hook = hook(id);
                AfterHookContext context = new AfterHookContext(call, change, connection, catalogs.current(), records, validator, events, jobs);
                return runner.run(call, "", () -> invoke(hook, phase, context));
            });
        }
        return chain;
    }

    private RecordHook hook(String id) {
        return hooks.record(id).orElseThrow(() -> HookFailure.failed(id, "it is not installed", null));
    }

    private static void invoke(RecordHook hook, String phase, AfterHookContext context) {
        switch (phase) {
            case "afterCreate": hook.afterCreate(context); break;
            case "afterUpdate": hook.afterUpdate(context); break;
            default: hook.afterDelete(context); break;
        }
    }
}
