package io.prmos.engine.store;

import io.prmos.engine.security.Caller;
import io.prmos.engine.validation.ValidationException;
import io.prmos.engine.validation.Violation;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates the valid rows of an import in one transaction. Unlike {@link BulkWriter} (all or
 * nothing), a row the database refuses (a unique value taken, a reference gone) is rolled back to
 * its own savepoint and reported; the other rows are kept. A dry run does the same work and then
 * rolls the whole transaction back, so it also reports what only the database can detect.
 */
public final class ImportWriter {

    public static final int MAX_ROWS = 5000;
    private static final String BEGIN = "BEGIN";
    private static final String COMMIT = "COMMIT";
    private static final String ROLLBACK = "ROLLBACK";
    private static final String SET_LOCAL_TENANT = "SELECT set_config('prm.tenant', $1, true)";
    private static final String SAVEPOINT_ROW = "SAVEPOINT prm_import_row";
    private static final String RELEASE_ROW = "RELEASE SAVEPOINT prm_import_row";
    private static final String ROLLBACK_ROW = "ROLLBACK TO SAVEPOINT prm_import_row";

    private final Pool pool;
    private final TenantTransactions transactions;
    private final RecordWriter writer;

    /** {@code pool} is the data role's pool, the one {@code transactions} uses (its after-commit tasks are settled here). */
    public ImportWriter(Pool pool, TenantTransactions transactions, RecordWriter writer) {
        this.pool = pool;
        this.transactions = transactions;
        this.writer = writer;
    }

    /** One valid row: its index in the request and its typed values. */
    public record Row(int index, Map<FieldDescriptor, Object> values) {
    }

    /** A row the database refused, with the violations it reported (pointers relative to the row). */
    public record Refusal(int index, List<Violation> violations) {
    }

    public record Outcome(int created, List<Refusal> refused) {
    }

    /**
     * The transaction is opened with a plain BEGIN rather than the client's transaction object,
     * which rolls everything back on the first failed statement: here a failed row must only roll
     * back to its savepoint. The tenant setting is transaction-local, as in {@link TenantTransactions#run}.
     */
    public Uni<Outcome> create(Caller caller, Catalog catalog, EntityDescriptor entity, List<Row> rows, boolean dryRun, Access access) {
        return pool.withConnection(c -> c.query(BEGIN).execute()
                .flatMap(v -> c.preparedQuery(SET_LOCAL_TENANT).execute(Tuple.of(caller.tenant())))
                .flatMap(v -> Multi.createFrom().iterable(rows)
                        .onItem().transformToUniAndConcatenate(row -> insert(c, caller, catalog, entity, row, access))
                        .collect().asList())
                .call(() -> c.query(dryRun ? ROLLBACK : COMMIT).execute())
                .onFailure().call(() -> c.query(ROLLBACK).execute().onFailure().recoverWithNull())
                // the observers' after-commit work (the event relay's wake, after-commit hooks) runs only if it committed
                .onTermination().invoke((results, failure, cancelled) -> transactions.settle(c, failure == null && !cancelled && !dryRun))
                .map(results -> {
                    List<Refusal> refused = results.stream().flatMap(Optional::stream).toList();
                    return new Outcome(rows.size() - refused.size(), refused);
                }));
    }

    private Uni<Optional<Refusal>> insert(SqlConnection c, Caller caller, Catalog catalog, EntityDescriptor entity, Row row,
                                          Access access) {
        return c.query(SAVEPOINT_ROW).execute()
                .flatMap(v -> writer.insert(c, caller, catalog, entity, row.values(), "", access))
                .flatMap(created -> c.query(RELEASE_ROW).execute().replaceWith(Optional.<Refusal>empty()))
                .onFailure(ImportWriter::refusal).recoverWithUni(failure -> c.query(ROLLBACK_ROW).execute()
                        .replaceWith(Optional.of(new Refusal(row.index(), violations(failure)))));
    }

    private static boolean refusal(Throwable failure) {
        return failure instanceof ValidationException || failure instanceof StoreExceptions.UniqueConflict;
    }

    private static List<Violation> violations(Throwable failure) {
        return new ArrayList<>(failure instanceof ValidationException v ? v.violations()
                : ((StoreExceptions.UniqueConflict) failure).violations());
    }
}
