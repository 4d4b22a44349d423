package io.prmos.engine.store;

import static io.prmos.engine.sql.SqlIdentifier.quote;

import io.prmos.engine.security.Caller;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.model.EntityOptions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.Optional;
import java.util.UUID;

/**
 * Human ids such as {@code PRT-000123}: per tenant and entity, the next number is the largest one
 * stored plus one, taken while holding a transaction-scoped advisory lock on (tenant, entity), so
 * concurrent creates queue for the number instead of colliding (docs/adr/0031). Soft-deleted
 * records keep their number; a rolled-back insert leaves no gap because nothing was stored.
 */
public final class PublicIds {

    public static final String COLUMN = "public_id";
    public static final String SEQUENCE_COLUMN = "public_seq";
    /** The first key of the two-key advisory lock space the kernel uses for public ids. */
    private static final int LOCK_CLASS = 7301;
    private static final String LOCK = "SELECT pg_advisory_xact_lock(" + LOCK_CLASS + ", hashtext($1))";

    private PublicIds() {
    }

    /** Takes the (tenant, entity) lock for the rest of the transaction; nothing for entities without public ids. */
    static Uni<Void> lock(SqlConnection c, Caller caller, EntityDescriptor entity) {
        if (entity.options().publicId().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return c.preparedQuery(LOCK).execute(Tuple.of(caller.tenant() + "/" + entity.qualifiedName())).replaceWithVoid();
    }

    /** The VALUES expression of the next number; {@code $tenantParam} binds the tenant (as text, apart from $1). */
    static String nextSequence(String table, int tenantParam) {
        return "(SELECT coalesce(max(" + quote(SEQUENCE_COLUMN) + "), 0) + 1 FROM " + table + " WHERE " + quote("tenant_id")
                + " = $" + tenantParam + "::text)";
    }

    /** The VALUES expression of the formatted id; {@code $prefixParam} binds {@code "PRT-"}, the next one the tenant. */
    static String nextId(String table, EntityOptions.PublicIdDef def, int prefixParam) {
        String next = nextSequence(table, prefixParam + 1) + "::text";
        return "$" + prefixParam + "::text || lpad(" + next + ", greatest(" + def.digits() + ", length(" + next + ")), '0')";
    }

    /** Looks the uuid of a record up by its public id (live or deleted; the caller's tenant only). */
    public static Uni<Optional<UUID>> find(TenantTransactions transactions, KernelTenantFilter tenantFilter, Caller caller,
                                           EntityDescriptor entity, String publicId) {
        Params params = new Params();
        String sql = "SELECT " + quote("id") + " FROM " + io.prmos.engine.sql.SqlIdentifier.qualified(entity.schema(), entity.table())
                + " WHERE " + tenantFilter.condition(params, caller) + " AND " + quote(COLUMN) + " = " + params.add(publicId);
        return transactions.read(caller, c -> c.preparedQuery(sql).execute(params.tuple()))
                .map(rows -> rows.size() == 0 ? Optional.<UUID>empty() : Optional.of(rows.iterator().next().getUUID(0)));
    }
}
