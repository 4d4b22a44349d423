package io.prmos.engine.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.security.Caller;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Applies up to 1,000 creates and updates in one transaction, all or nothing. The public ids of all
 * creates are taken at once from the instance's numbers or reserved before the transaction (docs/adr/0090,
 * 0094). A run of consecutive creates passes the before-write stages item by item, then has its
 * references checked in one query per reference field, goes to PostgreSQL as one INSERT fed by arrays
 * (docs/adr/0095), and reaches the observers together (one statement for history, activity and outbox
 * rows; docs/adr/0091). If the insert fails, it is replayed row by row inside a savepoint only to name
 * the failing item, and the whole request is rolled back. Items are sequenced with {@link InOrder},
 * never with a chain of nested operators, so that a thousand items cannot overflow the stack (issue 11,
 * item 12).
 */
public final class BulkWriter {

    public static final int MAX_OPERATIONS = 1000;
    private static final java.util.concurrent.atomic.LongAdder ROW_BY_ROW = new java.util.concurrent.atomic.LongAdder();
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
        EntityStatements s = statements.of(entity);
        List<Run> runs = runs(operations);
        int createCount = (int) operations.stream().filter(op -> op.id().isEmpty()).count();
        java.util.function.BiFunction<SqlConnection, Long, Uni<List<ObjectNode>>> work = (c, first) -> InOrder.each(runs,
                        run -> run.creates()
                                ? createAll(c, caller, catalog, s, run, first == null ? null : first + run.createsBefore(), creates)
                                : writer.update(c, caller, catalog, entity, run.first().id().get(), run.first().values(),
                                        run.first().ifMatch(), run.first().pointer(), updates).map(List::of))
                .map(results -> results.stream().flatMap(List::stream).toList());
        return PublicIds.inTransactionWith(transactions, writer.publicIds(), caller, s, createCount, work);
    }

    /** Consecutive operations of one kind: creates (any number) or one update; {@code createsBefore} counts earlier creates. */
    private record Run(List<BulkOperation> operations, int createsBefore) {
        boolean creates() {
            return first().id().isEmpty();
        }

        BulkOperation first() {
            return operations.get(0);
        }
    }

    /** Consecutive creates form one run (one batched INSERT); each update is a run of its own. */
    private static List<Run> runs(List<BulkOperation> operations) {
        List<Run> runs = new ArrayList<>();
        int i = 0;
        int creates = 0;
        while (i < operations.size()) {
            int end = i + 1;
            if (operations.get(i).id().isEmpty()) {
                while (end < operations.size() && operations.get(end).id().isEmpty()) {
                    end++;
                }
            }
            Run run = new Run(operations.subList(i, end), creates);
            creates += run.creates() ? run.operations().size() : 0;
            runs.add(run);
            i = end;
        }
        return runs;
    }

    private Uni<List<ObjectNode>> createAll(SqlConnection c, Caller caller, Catalog catalog, EntityStatements s, Run run,
                                            Long firstNumber, Access access) {
        // Each item passes the before-write stages (workflow, hooks, formulas, rules) on its own, in order.
        return InOrder.each(run.operations(), op -> writer.prepare(c, new PendingWrite(RecordChange.Operation.CREATED,
                        catalog, s.entity, caller, null, op.values(), op.pointer()))
                        .map(values -> new BulkOperation(op.index(), op.id(), op.ifMatch(), values)))
                .call(ready -> ReferenceCheck.verify(c, caller, catalog, s.entity,
                        ready.stream().map(BulkOperation::values).toList(),
                        ready.stream().map(BulkOperation::pointer).toList(), tenantFilter))
                .flatMap(ready -> insertAll(c, caller, s, ready, firstNumber, access));
    }

    private Uni<List<ObjectNode>> insertAll(SqlConnection c, Caller caller, EntityStatements s, List<BulkOperation> creates,
                                            Long firstNumber, Access access) {
        List<Tuple> tuples = new ArrayList<>(creates.size());
        for (int i = 0; i < creates.size(); i++) {
            Map<FieldDescriptor, Object> values = creates.get(i).values();
            tuples.add(writer.insertTuple(caller, s.entity, values, firstNumber == null ? null : firstNumber + i));
        }
        return c.query(SAVEPOINT).execute()
                .flatMap(v -> insertRows(c, s, tuples)
                        .onFailure().recoverWithUni(failure -> c.query(ROLLBACK_TO_SAVEPOINT).execute()
                                .flatMap(x -> locateFailure(c, s, creates, tuples))
                                .flatMap(x -> Uni.createFrom().failure(DatabaseErrors.translate(s, failure, "/operations")))))
                // Observers (hooks, history, activity, outbox) see every created row, in order, inside the transaction.
                .flatMap(written -> writer.created(c, caller, s, written, access));
    }

    /**
     * The rows as one INSERT from arrays (docs/adr/0095), or — when a value does not fit its column's
     * array — as a batch of the per-row INSERT; the written rows in item order either way.
     */
    private static Uni<List<Row>> insertRows(SqlConnection c, EntityStatements s, List<Tuple> tuples) {
        BatchInsert batch = s.batchInsert();
        List<UUID> ids = new ArrayList<>(tuples.size());
        for (int i = 0; i < tuples.size(); i++) {
            ids.add(UUID.randomUUID());
        }
        Tuple arrays = batch.tuple(tuples, ids);
        if (arrays != null) {
            return c.preparedQuery(batch.sql).execute(arrays).map(rows -> BatchInsert.inOrder(rows, ids));
        }
        ROW_BY_ROW.increment();
        return c.preparedQuery(s.insert).executeBatch(tuples).map(rows -> {
            List<Row> written = new ArrayList<>(tuples.size());
            for (RowSet<Row> set = rows; set != null; set = set.next()) {
                set.forEach(written::add);
            }
            return written;
        });
    }

    /** How many runs of creates went as one INSERT per row because a value did not fit its column's array (ADR 0095). */
    public static long rowByRowRuns() {
        return ROW_BY_ROW.sum();
    }

    /** Replays a failed batch row by row; the first failing row fails with its own pointer. */
    private static Uni<Void> locateFailure(SqlConnection c, EntityStatements s, List<BulkOperation> creates, List<Tuple> tuples) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < creates.size(); i++) {
            indexes.add(i);
        }
        return InOrder.each(indexes, i -> c.preparedQuery(s.insert).execute(tuples.get(i))
                        .onFailure().transform(f -> DatabaseErrors.translate(s, f, creates.get(i).pointer())))
                .replaceWithVoid();
    }
}
