package io.prmos.engine.ui;

import io.prmos.engine.store.ImportWriter;
import io.prmos.engine.store.RecordWriter;
import io.prmos.engine.store.TenantTransactions;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Wires the plain-Java pieces the UI endpoints use into CDI. */
@ApplicationScoped
public class UiProducers {

    @Produces
    @ApplicationScoped
    ImportWriter importWriter(@ReactiveDataSource("app") Pool dataPool, TenantTransactions transactions, RecordWriter writer) {
        return new ImportWriter(dataPool, transactions, writer);
    }
}
