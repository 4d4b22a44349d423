package io.prmos.engine.store;

import static io.prmos.engine.sql.SqlIdentifier.qualified;
import static io.prmos.engine.sql.SqlIdentifier.quote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.query.BoundFilter;
import io.prmos.engine.security.Caller;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.model.FieldType;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Soft-deleted records across entities: listing what a caller may read, purging one record for
 * good (refused while other records reference it), and finding records whose retention expired.
 */
public final class RecycleBin {

    private final TenantTransactions transactions;
    private final StatementCache statements;
    private final KernelTenantFilter tenantFilter;
    private final RecordHistory history;

    public RecycleBin(TenantTransactions transactions, StatementCache statements, KernelTenantFilter tenantFilter,
                      RecordHistory history) {
        this.transactions = transactions;
        this.statements = statements;
        this.tenantFilter = tenantFilter;
        this.history = history;
    }

    /** An entity whose deleted records the caller may list: the rows they may read and the fields they may see. */
    public record Readable(EntityDescriptor entity, Optional<BoundFilter> rows, Set<String> projection) {
    }

    /** One deleted record: who deleted it and when, and the record as the caller may see it. */
    public record Item(EntityDescriptor entity, UUID id, String deletedAt, String deletedBy, ObjectNode record) {
    }

    /** The most recently deleted records of the given entities, newest first, at most {@code limit}. */
    public Uni<List<Item>> list(Caller caller, List<Readable> readable, int limit) {
        if (readable.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return transactions.run(caller, c -> Multi.createFrom().iterable(readable)
                .onItem().transformToUniAndConcatenate(r -> deletedOf(c, caller, r, limit))
                .collect().asList()
                .map(lists -> lists.stream().flatMap(List::stream)
                        .sorted(Comparator.comparing((Item i) -> OffsetDateTime.parse(i.deletedAt())).reversed())
                        .limit(limit).toList()));
    }

    private Uni<List<Item>> deletedOf(SqlConnection c, Caller caller, Readable r, int limit) {
        EntityStatements s = statements.of(r.entity());
        Params params = new Params();
        String sql = "SELECT " + s.selectList + " FROM " + s.table + " WHERE " + tenantFilter.condition(params, caller)
                + " AND " + quote("deleted_at") + " IS NOT NULL"
                + r.rows().map(rows -> " AND " + WhereRenderer.render(rows, params)).orElse("")
                + " ORDER BY " + quote("deleted_at") + " DESC LIMIT " + params.add(limit);
        return c.preparedQuery(sql).execute(params.tuple()).map(rows -> {
            List<Item> items = new ArrayList<>();
            for (Row row : rows) {
                ObjectNode full = RowMapper.toJson(s, row, null);
                items.add(new Item(r.entity(), UUID.fromString(full.get("id").asText()), full.get("deleted_at").asText(),
                        full.get("updated_by").asText(), RowMapper.toJson(s, row, r.projection())));
            }
            return items;
        });
    }

    /**
     * Deletes a record of the recycle bin for good, with its audit history. A record that is not in
     * the bin is not found; one that other records still reference (of any module, deleted or not)
     * is refused with the list of referencing fields.
     */
    public Uni<Void> purge(Caller caller, Catalog catalog, EntityDescriptor entity, UUID id) {
        return transactions.run(caller, c -> purge(c, caller, catalog, entity, id));
    }

    private Uni<Void> purge(SqlConnection c, Caller caller, Catalog catalog, EntityDescriptor entity, UUID id) {
        EntityStatements s = statements.of(entity);
        Params params = new Params();
        String lock = "SELECT 1 FROM " + s.table + " WHERE " + tenantFilter.condition(params, caller) + " AND " + quote("id")
                + " = " + params.add(id) + " AND " + quote("deleted_at") + " IS NOT NULL FOR UPDATE";
        return c.preparedQuery(lock).execute(params.tuple()).flatMap(found -> {
            if (found.size() == 0) {
                return Uni.createFrom().failure(new StoreExceptions.RecordNotFound("deleted " + entity.qualifiedName(), id));
            }
            return referencesTo(c, caller, catalog, entity, id).flatMap(refs -> refs.isEmpty()
                    ? remove(c, caller, s, id)
                    : Uni.createFrom().failure(new StoreExceptions.StillReferenced(entity.qualifiedName(), id, refs)));
        });
    }

    private Uni<Void> remove(SqlConnection c, Caller caller, EntityStatements s, UUID id) {
        Params params = new Params();
        String sql = "DELETE FROM " + s.table + " WHERE " + tenantFilter.condition(params, caller) + " AND " + quote("id")
                + " = " + params.add(id) + " AND " + quote("deleted_at") + " IS NOT NULL";
        Uni<Void> forget = s.entity.features().audit() ? history.forget(c, caller, s.entity, id) : Uni.createFrom().voidItem();
        return forget.flatMap(x -> c.preparedQuery(sql).execute(params.tuple()))
                .onFailure().transform(f -> StoreExceptions.StillReferenced.when(f, s.entity.qualifiedName(), id))
                .replaceWithVoid();
    }

    /**
     * {@code module.Entity.field (n)} for every reference field that points at the record and that
     * the database would not resolve itself (cross-module references, and restrict within a module).
     */
    private Uni<List<String>> referencesTo(SqlConnection c, Caller caller, Catalog catalog, EntityDescriptor target, UUID id) {
        List<Uni<Optional<String>>> checks = new ArrayList<>();
        for (EntityDescriptor source : catalog.entities()) {
            for (FieldDescriptor field : source.fields()) {
                if (field.type() instanceof FieldType.Reference ref && catalog.target(source.module(), ref) == target
                        && (ref.crossModule() || ref.onDelete() == FieldType.OnDelete.RESTRICT)) {
                    checks.add(count(c, caller, source, field, id));
                }
            }
        }
        if (checks.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Multi.createFrom().iterable(checks).onItem().transformToUniAndConcatenate(u -> u).collect().asList()
                .map(found -> found.stream().flatMap(Optional::stream).toList());
    }

    private Uni<Optional<String>> count(SqlConnection c, Caller caller, EntityDescriptor source, FieldDescriptor field, UUID id) {
        Params params = new Params();
        String sql = "SELECT count(*) FROM " + qualified(source.schema(), source.table()) + " WHERE "
                + tenantFilter.condition(params, caller) + " AND " + quote(field.column()) + " = " + params.add(id);
        return c.preparedQuery(sql).execute(params.tuple()).map(rows -> {
            long n = rows.iterator().next().getLong(0);
            return n == 0 ? Optional.empty() : Optional.of(source.qualifiedName() + "." + field.name() + " (" + n + ")");
        });
    }

    /** A deleted record whose retention period is over, in some tenant. */
    public record Expired(String tenant, UUID id) {
    }

    /**
     * Deleted records of an entity deleted before {@code cutoff}, across tenants. Runs on the owner's
     * client, which must bypass row-level security (docs/audit.md) — the purge itself then runs per
     * tenant through {@link #purge} as the data role.
     */
    public Uni<List<Expired>> expired(SqlClient owner, EntityDescriptor entity, OffsetDateTime cutoff, int limit) {
        String sql = "SELECT " + quote("tenant_id") + ", " + quote("id") + " FROM " + qualified(entity.schema(), entity.table())
                + " WHERE " + quote("deleted_at") + " < $1 ORDER BY " + quote("deleted_at") + " LIMIT $2";
        return owner.preparedQuery(sql).execute(Tuple.of(cutoff, limit)).map(rows -> {
            List<Expired> out = new ArrayList<>();
            rows.forEach(row -> out.add(new Expired(row.getString(0), row.getUUID(1))));
            return out;
        });
    }
}
