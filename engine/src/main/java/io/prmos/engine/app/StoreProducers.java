package io.prmos.engine.app;

import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.engine.store.BeforeWrite;
import io.prmos.engine.store.BulkWriter;
import io.prmos.engine.store.ChangeObserver;
import io.prmos.engine.store.KernelTenantFilter;
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
        return new TenantTransactions(dataPool);
    }

    @Produces
    @ApplicationScoped
    RecordReader recordReader(TenantTransactions transactions, StatementCache statements, KernelTenantFilter tenantFilter) {
        return new RecordReader(transactions, statements, tenantFilter);
    }

    @Produces
    @ApplicationScoped
    RecordWriter recordWriter(TenantTransactions transactions, StatementCache statements, KernelTenantFilter tenantFilter,
                              @All List<ChangeObserver> observers, @All List<BeforeWrite> stages) {
        return new RecordWriter(transactions, statements, tenantFilter, observers, stages);
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
    RecordValidator recordValidator() {
        return new RecordValidator();
    }

    @Produces
    @ApplicationScoped
    PermissionEvaluator permissionEvaluator() {
        return new PermissionEvaluator();
    }
}
