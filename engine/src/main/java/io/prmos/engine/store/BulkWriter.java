package io.prmos.engine.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.security.Caller;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies up to 1,000 creates and updates in one transaction, all or nothing. Runs of creates go
 * to PostgreSQL as one batched INSERT; if the batch fails, it is replayed row by row inside a
 * savepoint only to name the failing item, and the whole request is rolled back.
 */
public final class BulkWriter {

    public static final int MAX_OPERATIONS = 1000;
    private static final String SAVEPOINT = "SAVEPOINT prm_bulk";
    private static final String ROLLBACK_TO_SAVEPOINT = "ROLLBACK TO SAVEPOINT prm_bulk";

    private final TenantTransactions transactions;
    private final StatementCache statements;
    private final RecordWriter writer;
    private final KernelTenantFilter tenantFilter;

    public BulkWriter(TenantTransactions transactions, StatementCache statements, RecordWriter writer, KernelTenantFilter tenantFilter) {
        this.transactions = transactions;
        this.statements = statements;
        this.writer = writer;
        this.tenantFilter = tenantFilter;
    }

    /** {@code updates} limits which rows updates may reach; {@code creates} gives the projection of created records. */
    public Uni<List<ObjectNode>> apply(Caller caller, Catalog catalog, EntityDescriptor entity, List<BulkOperation> operations,
                                       Access creates, Access updates) {
        // Sequenced with Multi rather than a chain of flatMaps: a chain 1,000 deep overflows the stack.
        return transactions.run(caller, c -> Multi.createFrom().iterable(runs(operations))
                .onItem().transformToUniAndConcatenate(run -> run.get(0).id().isEmpty()
                        ? createAll(c, caller, catalog, entity, run, creates)
                        : writer.update(c, caller, catalog, entity, run.get(0).id().get(), run.get(0).values(),
                                run.get(0).ifMatch(), run.get(0).pointer(), updates).map(List::of))
                .collect().asList()
                .map(results -> results.stream().flatMap(List::stream).toList()));
    }

    /** Consecutive creates form one run (one batched INSERT); each update is a run of its own. */
    private static List<List<BulkOperation>> runs(List<BulkOperation> operations) {
        List<List<BulkOperation>> runs = new ArrayList<>();
        int i = 0;
        while (i < operations.size()) {
            int end = i + 1;
            if (operations.get(i).id().isEmpty()) {
                while (end < operations.size() && operations.get(end).id().isEmpty()) {
                    end++;
                }
            }
            runs.add(operations.subList(i, end));
            i = end;
        }
        return runs;
    }

    private Uni<List<ObjectNode>> createAll(SqlConnection c, Caller caller, Catalog catalog, EntityDescriptor entity,
                                            List<BulkOperation> creates, Access access) {
        EntityStatements s = statements.of(entity);
        // Each item passes the before-write stages (hooks, formulas, rules) and the reference check on its own.
        Uni<List<BulkOperation>> prepared = Multi.createFrom().iterable(creates)
                .onItem().transformToUniAndConcatenate(op -> writer.prepare(c, new PendingWrite(RecordChange.Operation.CREATED,
                                catalog, entity, caller, null, op.values(), op.pointer()))
                        .map(values -> new BulkOperation(op.index(), op.id(), op.ifMatch(), values))
                        .call(ready -> ReferenceCheck.verify(c, caller, catalog, entity, ready.values(), ready.pointer(), tenantFilter)))
                .collect().asList();
        return prepared.flatMap(ready -> insertAll(c, caller, s, ready, access));
    }

    private Uni<List<ObjectNode>> insertAll(SqlConnection c, Caller caller, EntityStatements s, List<BulkOperation> creates,
                                            Access access) {
        List<Tuple> tuples = new ArrayList<>();
        for (BulkOperation op : creates) {
            tuples.add(writer.insertTuple(caller, s.entity, op.values()));
        }
        return PublicIds.lock(c, caller, s.entity)
                .flatMap(v -> c.query(SAVEPOINT).execute())
                .flatMap(v -> c.preparedQuery(s.insert).executeBatch(tuples)
                        .onFailure().recoverWithUni(failure -> c.query(ROLLBACK_TO_SAVEPOINT).execute()
                                .flatMap(x -> locateFailure(c, s, creates, tuples))
                                .flatMap(x -> Uni.createFrom().failure(DatabaseErrors.translate(s, failure, "/operations")))))
                .flatMap(rows -> {
                    List<Row> written = new ArrayList<>();
                    for (RowSet<Row> set = rows; set != null; set = set.next()) {
                        set.forEach(written::add);
                    }
                    // Observers (outbox, audit) see every created row, in order, inside the batch's transaction.
                    return Multi.createFrom().iterable(written)
                            .onItem().transformToUniAndConcatenate(row -> writer.created(c, caller, s, row, access))
                            .collect().asList();
                });
    }

    /** Replays a failed batch row by row; the first failing row fails with its own pointer. */
    private static Uni<Void> locateFailure(SqlConnection c, EntityStatements s, List<BulkOperation> creates, List<Tuple> tuples) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < creates.size(); i++) {
            indexes.add(i);
        }
        return Multi.createFrom().iterable(indexes)
                .onItem().transformToUniAndConcatenate(i -> c.preparedQuery(s.insert).execute(tuples.get(i))
                        .onFailure().transform(f -> DatabaseErrors.translate(s, f, creates.get(i).pointer())))
                .collect().asList().replaceWithVoid();
    }
}
