package io.prmos.engine.app;

import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.engine.store.BeforeWrite;
import io.prmos.engine.store.BulkWriter;
import io.prmos.engine.store.ChangeObserver;
import io.prmos.engine.store.KernelTenantFilter;
import io.prmos.engine.store.PublicIdBlocks;
import io.prmos.engine.store.RecordReader;
import io.prmos.engine.store.RecordWriter;
import io.prmos.engine.store.StatementCache;
import io.prmos.engine.store.TenantTransactions;
import io.prmos.engine.store.TransactionRecords;
import io.prmos.engine.validation.RecordValidator;
import io.quarkus.arc.All;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.runtime.LaunchMode;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Wires the plain-Java store, validation and permission classes into CDI; they know nothing of
 * Quarkus themselves. Record data goes through the {@code app} datasource, whose role is subject
 * to row-level security; the owner datasource is for DDL and the kernel's own tables.
 */
@ApplicationScoped
public class StoreProducers {

    /** Test-only seam: switching the kernel's tenant predicate off proves row-level security holds alone. */
    @ConfigProperty(name = "prm.test.kernel-tenant-filter", defaultValue = "true")
    boolean kernelTenantFilter;

    /** Test-only seam: count the data role's statements (reference expansion must not be N+1). */
    @ConfigProperty(name = "prm.test.count-statements", defaultValue = "false")
    boolean countStatements;

    @Produces
    @ApplicationScoped
    StatementCache statementCache() {
        return new StatementCache();
    }

    @Produces
    @ApplicationScoped
    KernelTenantFilter kernelTenantFilter() {
        if (!kernelTenantFilter && LaunchMode.current() != LaunchMode.TEST) {
            throw new IllegalStateException("prm.test.kernel-tenant-filter=false is only honoured in tests");
        }
        return new KernelTenantFilter(kernelTenantFilter);
    }

    @Produces
    @ApplicationScoped
    TenantTransactions tenantTransactions(@ReactiveDataSource("app") Pool dataPool) {
        if (countStatements && LaunchMode.current() != LaunchMode.TEST) {
            throw new IllegalStateException("prm.test.count-statements=true is only honoured in tests");
        }
        return new TenantTransactions(countStatements ? io.prmos.engine.store.StatementCounter.wrap(dataPool) : dataPool);
    }

    @Produces
    @ApplicationScoped
    io.prmos.engine.store.RecordLookup recordLookup(TenantTransactions transactions, StatementCache statements,
                                                   KernelTenantFilter tenantFilter) {
        return new io.prmos.engine.store.RecordLookup(transactions, statements, tenantFilter);
    }

    @Produces
    @ApplicationScoped
    io.prmos.engine.store.HierarchyStore hierarchyStore(TenantTransactions transactions, StatementCache statements,
                                                       KernelTenantFilter tenantFilter) {
        return new io.prmos.engine.store.HierarchyStore(transactions, statements, tenantFilter);
    }

    @Produces
    @ApplicationScoped
    io.prmos.engine.store.LinkStore linkStore(TenantTransactions transactions) {
        return new io.prmos.engine.store.LinkStore(transactions);
    }

    @Produces
    @ApplicationScoped
    io.prmos.engine.store.SearchStore searchStore(TenantTransactions transactions, StatementCache statements,
                                                 KernelTenantFilter tenantFilter) {
        return new io.prmos.engine.store.SearchStore(transactions, statements, tenantFilter);
    }

    @Produces
    @ApplicationScoped
    RecordReader recordReader(TenantTransactions transactions, StatementCache statements, KernelTenantFilter tenantFilter) {
        return new RecordReader(transactions, statements, tenantFilter);
    }

    @Produces
    @ApplicationScoped
    RecordWriter recordWriter(TenantTransactions transactions, StatementCache statements, KernelTenantFilter tenantFilter,
                              @All List<ChangeObserver> observers, @All List<BeforeWrite> stages,
                              @ConfigProperty(name = "prm.public-ids.block-size", defaultValue = "32") int publicIdBlock,
                              @ConfigProperty(name = "prm.writes.one-statement-create", defaultValue = "true") boolean oneStatementCreates,
                              @ConfigProperty(name = "prm.writes.check-created-images", defaultValue = "false") boolean checkImages) {
        return new RecordWriter(transactions, statements, tenantFilter, observers, stages, new PublicIdBlocks(publicIdBlock),
                oneStatementCreates, checkImages);
    }

    @Produces
    @ApplicationScoped
    TransactionRecords transactionRecords(StatementCache statements, RecordWriter writer, KernelTenantFilter tenantFilter) {
        return new TransactionRecords(statements, writer, tenantFilter);
    }

    @Produces
    @ApplicationScoped
    BulkWriter bulkWriter(TenantTransactions transactions, StatementCache statements, RecordWriter writer,
                          KernelTenantFilter tenantFilter) {
        return new BulkWriter(transactions, statements, writer, tenantFilter);
    }

    @Produces
    @ApplicationScoped
    io.prmos.engine.store.OverlayData overlayData(TenantTransactions transactions, KernelTenantFilter tenantFilter) {
        return new io.prmos.engine.store.OverlayData(transactions, tenantFilter);
    }

    @Produces
    @ApplicationScoped
    RecordValidator recordValidator() {
        return new RecordValidator();
    }

    @Produces
    @ApplicationScoped
    PermissionEvaluator permissionEvaluator() {
        return new PermissionEvaluator();
    }
}
