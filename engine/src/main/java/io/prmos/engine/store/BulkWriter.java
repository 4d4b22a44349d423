package io.prmos.engine.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.security.Caller;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies up to 1,000 creates and updates in one transaction, all or nothing. Runs of creates go
 * to PostgreSQL as one batched INSERT; any failure rolls the whole request back.
 */
public final class BulkWriter {

    public static final int MAX_OPERATIONS = 1000;

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
        return transactions.run(caller, c -> {
            Uni<List<ObjectNode>> chain = Uni.createFrom().item(new ArrayList<>());
            int i = 0;
            while (i < operations.size()) {
                int end = i;
                while (end < operations.size() && operations.get(end).id().isEmpty()) {
                    end++;
                }
                if (end > i) {
                    List<BulkOperation> createOps = operations.subList(i, end);
                    chain = chain.flatMap(done -> createAll(c, caller, catalog, entity, createOps, creates).map(created -> {
                        done.addAll(created);
                        return done;
                    }));
                    i = end;
                } else {
                    BulkOperation update = operations.get(i++);
                    chain = chain.flatMap(done -> writer.update(c, caller, catalog, entity, update.id().get(), update.values(),
                            update.ifMatch(), update.pointer(), updates).map(record -> {
                        done.add(record);
                        return done;
                    }));
                }
            }
            return chain;
        });
    }

    private Uni<List<ObjectNode>> createAll(SqlConnection c, Caller caller, Catalog catalog, EntityDescriptor entity,
                                            List<BulkOperation> creates, Access access) {
        EntityStatements s = statements.of(entity);
        Uni<Void> checks = Uni.createFrom().voidItem();
        List<Tuple> tuples = new ArrayList<>();
        for (BulkOperation op : creates) {
            checks = checks.flatMap(v -> ReferenceCheck.verify(c, caller, catalog, entity, op.values(), op.pointer(), tenantFilter));
            tuples.add(writer.insertTuple(caller, entity, op.values()));
        }
        String pointer = creates.size() == 1 ? creates.get(0).pointer() : "/operations";
        return checks.flatMap(v -> c.preparedQuery(s.insert).executeBatch(tuples))
                .onFailure().transform(f -> DatabaseErrors.translate(s, f, pointer))
                .map(rows -> {
                    List<ObjectNode> created = new ArrayList<>();
                    for (RowSet<Row> set = rows; set != null; set = set.next()) {
                        for (Row row : set) {
                            created.add(RowMapper.toJson(s, row, access.projection()));
                        }
                    }
                    return created;
                });
    }
}
