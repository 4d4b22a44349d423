package io.prmos.engine.store;

import static io.prmos.engine.sql.SqlIdentifier.quote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.security.Caller;
import io.prmos.engine.store.RecordChange.Operation;
import io.prmos.engine.validation.Money;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Writes records: create, update (partial or full), soft delete and restore, each one statement in
 * the caller's tenant transaction. Updates are single atomic UPDATEs that bump the version, so two
 * concurrent writers never lose each other's change; If-Match adds the expected version, and the
 * permission's row predicate limits which rows the statement can reach. Updates, deletes and
 * restores return the row before and after the write from the same statement, and every write is
 * handed to the {@link ChangeObserver}s on the transaction's connection before it commits.
 */
public final class RecordWriter {

    private final TenantTransactions transactions;
    private final StatementCache statements;
    private final KernelTenantFilter tenantFilter;
    private final HierarchyStore hierarchy;
    private final ChangeObservers observers;
    private final List<BeforeWrite> stages;
    private final PublicIdBlocks publicIds;
    private final OneStatementCreate oneStatement;

    public RecordWriter(TenantTransactions transactions, StatementCache statements, KernelTenantFilter tenantFilter) {
        this(transactions, statements, tenantFilter, List.of(), List.of());
    }

    public RecordWriter(TenantTransactions transactions, StatementCache statements, KernelTenantFilter tenantFilter,
                        List<ChangeObserver> observers) {
        this(transactions, statements, tenantFilter, observers, List.of());
    }

    public RecordWriter(TenantTransactions transactions, StatementCache statements, KernelTenantFilter tenantFilter,
                        List<ChangeObserver> observers, List<BeforeWrite> stages) {
        this(transactions, statements, tenantFilter, observers, stages, new PublicIdBlocks(1));
    }

    public RecordWriter(TenantTransactions transactions, StatementCache statements, KernelTenantFilter tenantFilter,
                        List<ChangeObserver> observers, List<BeforeWrite> stages, PublicIdBlocks publicIds) {
        this(transactions, statements, tenantFilter, observers, stages, publicIds, OneStatementCreate.Options.DEFAULT);
    }

    /** {@code oneStatement}: whether creates that need no transaction go as one statement, and whether their images are checked (ADR 0102). */
    public RecordWriter(TenantTransactions transactions, StatementCache statements, KernelTenantFilter tenantFilter,
                        List<ChangeObserver> observers, List<BeforeWrite> stages, PublicIdBlocks publicIds,
                        boolean oneStatementCreates, boolean checkCreatedImages) {
        this(transactions, statements, tenantFilter, observers, stages, publicIds,
                new OneStatementCreate.Options(oneStatementCreates, checkCreatedImages));
    }

    private RecordWriter(TenantTransactions transactions, StatementCache statements, KernelTenantFilter tenantFilter,
                         List<ChangeObserver> observers, List<BeforeWrite> stages, PublicIdBlocks publicIds,
                         OneStatementCreate.Options oneStatementOptions) {
        this.transactions = transactions;
        this.publicIds = publicIds;
        this.statements = statements;
        this.tenantFilter = tenantFilter;
        this.hierarchy = new HierarchyStore(transactions, statements, tenantFilter);
        this.observers = new ChangeObservers(observers);
        this.stages = stages.stream().sorted(java.util.Comparator.comparingInt(BeforeWrite::order)).toList();
        this.oneStatement = new OneStatementCreate(transactions, this.observers, publicIds, this::staged, oneStatementOptions);
    }

    /**
     * A create: as one statement when it needs no transaction (docs/adr/0102); otherwise its public id comes
     * from the numbers the instance holds, or is reserved (with a block for later creates) before the
     * transaction, in the same pipeline as BEGIN (docs/adr/0090, 0094).
     */
    public Uni<ObjectNode> create(Caller caller, Catalog catalog, EntityDescriptor entity, Map<FieldDescriptor, Object> values,
                                  Access access) {
        EntityStatements s = statements.of(entity);
        Optional<Uni<ObjectNode>> one = oneStatement.create(caller, catalog, s, values, access,
                number -> insertTuple(caller, entity, values, number));
        if (one.isPresent()) {
            return one.get();
        }
        return PublicIds.inTransactionWith(transactions, publicIds, caller, s, 1,
                (c, number) -> insert(c, caller, catalog, entity, values, "", access, number));
    }

    /** The public-id numbers this instance holds (bulk writes take theirs from here too). */
    PublicIdBlocks publicIds() {
        return publicIds;
    }

    public Uni<ObjectNode> update(Caller caller, Catalog catalog, EntityDescriptor entity, UUID id,
                                  Map<FieldDescriptor, Object> values, OptionalLong ifMatch, Access access) {
        return transactions.run(caller, c -> update(c, caller, catalog, entity, id, values, ifMatch, "", access));
    }

    /** A soft delete (to the recycle bin), or — for an entity with softDelete off — removal of the row. */
    public Uni<Void> delete(Caller caller, EntityDescriptor entity, UUID id, OptionalLong ifMatch, Access access) {
        if (!entity.features().softDelete()) {
            return transactions.run(caller, c -> beforeDelete(c, caller, entity, id, ifMatch, access)
                    .flatMap(ready -> remove(c, caller, entity, id, ifMatch, access))).replaceWithVoid();
        }
        return transactions.run(caller, c -> lifecycle(c, caller, entity, id, ifMatch, true, access)).replaceWithVoid();
    }

    public Uni<ObjectNode> restore(Caller caller, EntityDescriptor entity, UUID id, OptionalLong ifMatch, Access access) {
        return transactions.run(caller, c -> lifecycle(c, caller, entity, id, ifMatch, false, access));
    }

    /** A create inside a transaction that is already open (hooks, imports): it reserves its public id in it. */
    Uni<ObjectNode> insert(SqlConnection c, Caller caller, Catalog catalog, EntityDescriptor entity,
                           Map<FieldDescriptor, Object> values, String pointer, Access access) {
        return insert(c, caller, catalog, entity, values, pointer, access, null);
    }

    /**
     * The before-write stages, then the reference check and the INSERT sent together (a failed check
     * rolls the insert back with the rest of the transaction), then the observers.
     */
    private Uni<ObjectNode> insert(SqlConnection c, Caller caller, Catalog catalog, EntityDescriptor entity,
                                   Map<FieldDescriptor, Object> values, String pointer, Access access, Long reserved) {
        EntityStatements s = statements.of(entity);
        return prepare(c, new PendingWrite(Operation.CREATED, catalog, entity, caller, null, values, pointer))
                .flatMap(prepared -> (reserved != null ? Uni.createFrom().item(reserved)
                        : PublicIds.reserveInTransaction(c, caller, s, 1, publicIds))
                        .flatMap(number -> Uni.combine().all().unis(
                                ReferenceCheck.verify(c, caller, catalog, entity, prepared, pointer, tenantFilter),
                                c.preparedQuery(s.insert).execute(insertTuple(caller, entity, prepared, number))
                                        .onFailure().transform(f -> DatabaseErrors.translate(s, f, pointer)))
                                .asTuple()))
                .flatMap(done -> written(c, caller, s, Operation.CREATED, done.getItem2().iterator().next(), false, access));
    }

    /** The values after every {@link BeforeWrite} stage, in order; the given values when no stage applies. */
    Uni<Map<FieldDescriptor, Object>> prepare(SqlConnection c, PendingWrite write) {
        Uni<PendingWrite> chain = Uni.createFrom().item(write);
        for (BeforeWrite stage : stages) {
            chain = chain.flatMap(w -> stage.appliesTo(w) ? stage.prepare(c, w).map(w::withValues) : Uni.createFrom().item(w));
        }
        return chain.map(PendingWrite::values);
    }

    private boolean staged(PendingWrite write) {
        return stages.stream().anyMatch(stage -> stage.appliesTo(write));
    }

    /** The INSERT's values; {@code number} is the reserved public number (ignored for entities without public ids). */
    Tuple insertTuple(Caller caller, EntityDescriptor entity, Map<FieldDescriptor, Object> values, Long number) {
        List<Object> params = new ArrayList<>(List.of(caller.tenant(), caller.user()));
        for (FieldDescriptor field : entity.fields()) {
            if (!field.custom()) {
                addColumns(params, field, values.get(field));
            }
        }
        if (statements.of(entity).customIndex >= 0) {
            params.add(CustomValues.change(values).set());
        }
        entity.options().publicId().ifPresent(id -> {
            params.add(number);
            params.add(PublicIds.format(id, number));
        });
        return Tuple.from(params);
    }

    Uni<ObjectNode> update(SqlConnection c, Caller caller, Catalog catalog, EntityDescriptor entity, UUID id,
                           Map<FieldDescriptor, Object> values, OptionalLong ifMatch, String pointer, Access access) {
        EntityStatements s = statements.of(entity);
        PendingWrite pending = new PendingWrite(Operation.UPDATED, catalog, entity, caller, null, values, pointer);
        if (!staged(pending)) {
            return updateRow(c, caller, catalog, s, id, values, ifMatch, pointer, access);
        }
        return stored(c, caller, s, id, ifMatch, true, access).flatMap(stored -> stored == null
                ? explainMiss(c, caller, s, id, ifMatch, true, access)
                : prepare(c, new PendingWrite(Operation.UPDATED, catalog, entity, caller, stored, values, pointer))
                        .flatMap(prepared -> updateRow(c, caller, catalog, s, id, prepared, ifMatch, pointer, access)));
    }

    private Uni<ObjectNode> updateRow(SqlConnection c, Caller caller, Catalog catalog, EntityStatements s, UUID id,
                                      Map<FieldDescriptor, Object> values, OptionalLong ifMatch, String pointer, Access access) {
        Params params = new Params();
        List<String> sets = new ArrayList<>();
        for (Map.Entry<FieldDescriptor, Object> entry : values.entrySet()) {
            if (entry.getKey().custom()) {
                continue;
            }
            List<Object> columnValues = new ArrayList<>();
            addColumns(columnValues, entry.getKey(), entry.getValue());
            for (int i = 0; i < columnValues.size(); i++) {
                sets.add(quote(entry.getKey().columns().get(i)) + " = " + params.add(columnValues.get(i)));
            }
        }
        CustomValues.Change custom = CustomValues.change(values);
        if (!custom.isEmpty()) {
            String current = quote(EntityStatements.WRITTEN) + "." + quote(FieldDescriptor.CUSTOM_COLUMN);
            sets.add(quote(FieldDescriptor.CUSTOM_COLUMN) + " = (coalesce(" + current + ", '{}'::jsonb) || "
                    + params.add(custom.set()) + "::text::jsonb) - " + params.add(custom.removed()) + "::text[]");
        }
        sets.addAll(bookkeeping(params, caller));
        String sql = capturingUpdate(s, sets, params, caller, id, ifMatch, true, access);
        return ReferenceCheck.verify(c, caller, catalog, s.entity, values, pointer, tenantFilter)
                .flatMap(v -> hierarchy.refuseCycle(c, caller, s.entity, id, values, pointer))
                .flatMap(v -> c.preparedQuery(sql).execute(params.tuple()))
                .onFailure().transform(f -> DatabaseErrors.translate(s, f, pointer))
                .flatMap(rows -> rows.size() == 1 ? written(c, caller, s, Operation.UPDATED, rows.iterator().next(), true, access)
                        : explainMiss(c, caller, s, id, ifMatch, true, access));
    }

    /** The stored row the write is about to change, locked; {@code null} when the caller's write cannot reach it. */
    private Uni<ObjectNode> stored(SqlConnection c, Caller caller, EntityStatements s, UUID id, OptionalLong ifMatch,
                                   boolean live, Access access) {
        Params params = new Params();
        String sql = "SELECT " + s.selectList + " FROM " + s.table + match(params, caller, id, ifMatch, live, access) + " FOR UPDATE";
        return c.preparedQuery(sql).execute(params.tuple())
                .map(rows -> rows.size() == 1 ? RowMapper.toJson(s, rows.iterator().next(), null) : null);
    }

    private Uni<ObjectNode> lifecycle(SqlConnection c, Caller caller, EntityDescriptor entity, UUID id,
                                      OptionalLong ifMatch, boolean delete, Access access) {
        EntityStatements s = statements.of(entity);
        PendingWrite pending = new PendingWrite(Operation.DELETED, null, entity, caller, null, Map.of(), "");
        if (!delete || !staged(pending)) {
            return lifecycleRow(c, caller, s, id, ifMatch, delete, access);
        }
        return stored(c, caller, s, id, ifMatch, true, access).flatMap(stored -> stored == null
                ? explainMiss(c, caller, s, id, ifMatch, true, access)
                : prepare(c, new PendingWrite(Operation.DELETED, null, entity, caller, stored, Map.of(), ""))
                        .flatMap(ignored -> lifecycleRow(c, caller, s, id, ifMatch, true, access)));
    }

    /** The before-delete stages (before-hooks) of a hard delete, on the stored row; nothing when no stage applies. */
    private Uni<Void> beforeDelete(SqlConnection c, Caller caller, EntityDescriptor entity, UUID id, OptionalLong ifMatch,
                                   Access access) {
        EntityStatements s = statements.of(entity);
        if (!staged(new PendingWrite(Operation.DELETED, null, entity, caller, null, Map.of(), ""))) {
            return Uni.createFrom().voidItem();
        }
        return stored(c, caller, s, id, ifMatch, true, access).flatMap(stored -> stored == null
                ? explainMiss(c, caller, s, id, ifMatch, true, access).replaceWithVoid()
                : prepare(c, new PendingWrite(Operation.DELETED, null, entity, caller, stored, Map.of(), "")).replaceWithVoid());
    }

    private Uni<ObjectNode> lifecycleRow(SqlConnection c, Caller caller, EntityStatements s, UUID id,
                                         OptionalLong ifMatch, boolean delete, Access access) {
        Params params = new Params();
        List<String> sets = new ArrayList<>();
        sets.add(quote("deleted_at") + " = " + (delete ? "now()" : "NULL"));
        sets.addAll(bookkeeping(params, caller));
        String sql = capturingUpdate(s, sets, params, caller, id, ifMatch, delete, access);
        Operation operation = delete ? Operation.DELETED : Operation.RESTORED;
        return c.preparedQuery(sql).execute(params.tuple())
                .onFailure().transform(f -> DatabaseErrors.translate(s, f, ""))
                .flatMap(rows -> rows.size() == 1 ? written(c, caller, s, operation, rows.iterator().next(), true, access)
                        : explainMiss(c, caller, s, id, ifMatch, delete, access));
    }

    /**
     * A hard delete: observers see operation DELETED with the removed row as both images. A row
     * still referenced by a same-module foreign key (onDelete restrict) is refused with 409.
     */
    private Uni<ObjectNode> remove(SqlConnection c, Caller caller, EntityDescriptor entity, UUID id,
                                   OptionalLong ifMatch, Access access) {
        EntityStatements s = statements.of(entity);
        Params params = new Params();
        String sql = "DELETE FROM " + s.table + match(params, caller, id, ifMatch, true, access) + " RETURNING " + s.selectList;
        return c.preparedQuery(sql).execute(params.tuple())
                .onFailure().transform(f -> StoreExceptions.StillReferenced.when(f, s.entity.qualifiedName(), id))
                .flatMap(rows -> {
                    if (rows.size() != 1) {
                        return explainMiss(c, caller, s, id, ifMatch, true, access);
                    }
                    ObjectNode row = RowMapper.toJson(s, rows.iterator().next(), null);
                    return observers.observe(c, List.of(new RecordChange(Operation.DELETED, s.entity, caller, row, row)))
                            .replaceWith(RowMapper.project(s, row, access.projection()));
                });
    }

    private static List<String> bookkeeping(Params params, Caller caller) {
        String written = quote(EntityStatements.WRITTEN);
        return List.of(quote("version") + " = " + written + "." + quote("version") + " + 1",
                quote("updated_at") + " = now()",
                quote("updated_by") + " = " + params.add(caller.user()));
    }

    /**
     * One statement that locks the matching row, updates it and returns the row after the write
     * followed by the row before it, so observers see both images without another round trip.
     */
    private String capturingUpdate(EntityStatements s, List<String> sets, Params params, Caller caller, UUID id,
                                   OptionalLong ifMatch, boolean live, Access access) {
        String written = quote(EntityStatements.WRITTEN);
        String before = quote("before");
        String after = quote("after");
        return "WITH " + before + " AS (SELECT " + s.selectList + " FROM " + s.table
                + match(params, caller, id, ifMatch, live, access) + " FOR UPDATE), "
                + after + " AS (UPDATE " + s.table + " AS " + written + " SET " + String.join(", ", sets)
                + " FROM " + before + " WHERE " + written + "." + quote("id") + " = " + before + "." + quote("id")
                + " AND " + tenantFilter.condition(params, caller) + " RETURNING " + s.writtenSelectList + ")"
                + " SELECT " + after + ".*, " + before + ".* FROM " + after + ", " + before;
    }

    /** Rows created by a batched INSERT (BulkWriter), handed to the observers together; the responses in row order. */
    Uni<List<ObjectNode>> created(SqlConnection c, Caller caller, EntityStatements s, List<Row> rows, Access access) {
        List<RecordChange> changes = new ArrayList<>(rows.size());
        List<ObjectNode> responses = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ObjectNode after = RowMapper.toJson(s, row, null);
            changes.add(new RecordChange(Operation.CREATED, s.entity, caller, null, after));
            responses.add(RowMapper.project(s, after, access.projection()));
        }
        return observers.observe(c, changes).replaceWith(responses);
    }

    /** The written row as the response projects it, after every observer has seen the change. */
    Uni<ObjectNode> written(SqlConnection c, Caller caller, EntityStatements s, Operation operation, Row row,
                                    boolean withBefore, Access access) {
        ObjectNode after = RowMapper.toJson(s, row, null);
        ObjectNode response = RowMapper.project(s, after, access.projection());
        if (observers.isEmpty()) {
            return Uni.createFrom().item(response);
        }
        ObjectNode before = withBefore ? RowMapper.toJson(s, row, null, s.columns.size()) : null;
        return observers.observe(c, List.of(new RecordChange(operation, s.entity, caller, before, after))).replaceWith(response);
    }

    private String match(Params params, Caller caller, UUID id, OptionalLong ifMatch, boolean live, Access access) {
        String where = " WHERE " + tenantFilter.condition(params, caller) + " AND " + quote("id") + " = "
                + params.add(id) + " AND " + quote("deleted_at") + (live ? " IS NULL" : " IS NOT NULL");
        if (ifMatch.isPresent()) {
            where += " AND " + quote("version") + " = " + params.add(ifMatch.getAsLong());
        }
        if (access.rows().isPresent()) {
            where += " AND " + WhereRenderer.render(access.rows().get(), params);
        }
        return where;
    }

    /**
     * Nothing was written. A record the caller cannot read does not exist for them (404); one they
     * can read answers 412 if If-Match named an old version, else 403 (their role may not do this
     * to this record).
     */
    private Uni<ObjectNode> explainMiss(SqlConnection c, Caller caller, EntityStatements s, UUID id,
                                        OptionalLong ifMatch, boolean live, Access access) {
        Params params = new Params();
        String sql = "SELECT " + quote("version") + " FROM " + s.table + " WHERE " + tenantFilter.condition(params, caller)
                + " AND " + quote("id") + " = " + params.add(id) + " AND " + quote("deleted_at") + (live ? " IS NULL" : " IS NOT NULL")
                + access.readableRows().map(r -> " AND " + WhereRenderer.render(r, params)).orElse("");
        return c.preparedQuery(sql).execute(params.tuple()).map(rows -> {
            Row row = rows.size() == 1 ? rows.iterator().next() : null;
            if (row == null) {
                throw new StoreExceptions.RecordNotFound(s.entity.qualifiedName(), id);
            }
            if (ifMatch.isPresent() && row.getLong(0) != ifMatch.getAsLong()) {
                throw new StoreExceptions.StaleVersion(ifMatch.getAsLong(), row.getLong(0));
            }
            throw new StoreExceptions.NotPermitted("your roles do not allow this on " + s.entity.qualifiedName() + " " + id);
        });
    }

    private static void addColumns(List<Object> params, FieldDescriptor field, Object value) {
        if (field.isMoney()) {
            Money money = (Money) value;
            params.add(money == null ? null : BindValues.of(money.amount()));
            params.add(money == null ? null : money.currency());
        } else {
            params.add(BindValues.of(value));
        }
    }
}
