package io.prmos.engine.audit;

import io.prmos.engine.store.ActivityEntries;
import io.prmos.engine.store.KernelTenantFilter;
import io.prmos.engine.store.RecordHistory;
import io.prmos.engine.store.RecycleBin;
import io.prmos.engine.store.StatementCache;
import io.prmos.engine.store.TenantTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Wires the plain-Java audit stores into CDI. */
@ApplicationScoped
public class AuditProducers {

    @Produces
    @ApplicationScoped
    RecordHistory recordHistory(TenantTransactions transactions, KernelTenantFilter tenantFilter) {
        return new RecordHistory(transactions, tenantFilter);
    }

    @Produces
    @ApplicationScoped
    ActivityEntries activityEntries(TenantTransactions transactions, KernelTenantFilter tenantFilter) {
        return new ActivityEntries(transactions, tenantFilter);
    }

    @Produces
    @ApplicationScoped
    RecycleBin recycleBin(TenantTransactions transactions, StatementCache statements, KernelTenantFilter tenantFilter,
                          RecordHistory history) {
        return new RecycleBin(transactions, statements, tenantFilter, history);
    }
}
