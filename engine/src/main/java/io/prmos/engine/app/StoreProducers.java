package io.prmos.engine.app;

import io.prmos.engine.store.BulkWriter;
import io.prmos.engine.store.RecordReader;
import io.prmos.engine.store.RecordWriter;
import io.prmos.engine.store.StatementCache;
import io.prmos.engine.store.TenantTransactions;
import io.prmos.engine.validation.RecordValidator;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Wires the plain-Java store and validation classes into CDI; they know nothing of Quarkus themselves. */
@ApplicationScoped
public class StoreProducers {

    @Produces
    @ApplicationScoped
    StatementCache statementCache() {
        return new StatementCache();
    }

    @Produces
    @ApplicationScoped
    TenantTransactions tenantTransactions(Pool pool) {
        return new TenantTransactions(pool);
    }

    @Produces
    @ApplicationScoped
    RecordReader recordReader(TenantTransactions transactions, StatementCache statements) {
        return new RecordReader(transactions, statements);
    }

    @Produces
    @ApplicationScoped
    RecordWriter recordWriter(TenantTransactions transactions, StatementCache statements) {
        return new RecordWriter(transactions, statements);
    }

    @Produces
    @ApplicationScoped
    BulkWriter bulkWriter(TenantTransactions transactions, StatementCache statements, RecordWriter writer) {
        return new BulkWriter(transactions, statements, writer);
    }

    @Produces
    @ApplicationScoped
    RecordValidator recordValidator() {
        return new RecordValidator();
    }
}
