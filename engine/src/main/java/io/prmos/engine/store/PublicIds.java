package io.prmos.engine.store;

import static io.prmos.engine.sql.SqlIdentifier.qualified;
import static io.prmos.engine.sql.SqlIdentifier.quote;

import io.prmos.engine.security.Caller;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.model.EntityOptions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Human ids such as {@code PRT-000123}: per tenant and entity, numbers are handed out by a counter row
 * ({@code prm_kernel.public_id_counter}) that never goes below the largest number stored, so they are
 * unique, increasing and never reused (docs/adr/0090, which replaces 0031's advisory lock). A top-level
 * create or bulk request reserves its numbers in a short transaction of its own, sent in the same
 * pipeline as the record's BEGIN and committed without waiting for the disk (the record's own commit
 * flushes it), so concurrent creates do not queue behind each other's commit. A create that then fails
 * leaves a gap. Writes nested in another transaction (hooks, imports) reserve inside it. Reservations
 * for top-level writes take a block more, which the instance hands to later creates without any
 * reservation ({@link PublicIdBlocks}, docs/adr/0094).
 */
public final class PublicIds {

    public static final String COLUMN = "public_id";
    public static final String SEQUENCE_COLUMN = "public_seq";
    private static final String BEGIN_UNFLUSHED = "BEGIN; SET LOCAL synchronous_commit TO off";
    private static final String BEGIN = "BEGIN";
    private static final String COMMIT = "COMMIT";
    private static final String SET_LOCAL_TENANT = "SELECT set_config('prm.tenant', $1, true)";

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(PublicIds.class);

    private PublicIds() {
    }

    /**
     * The statement that moves the counter of (tenant $1, entity $2) on by $3 and returns the last number
     * taken; a missing counter starts from the largest number stored (records from before the counter).
     */
    static String reserveStatement(EntityDescriptor entity) {
        String counter = quote("counter");
        String last = quote("last_value");
        return "INSERT INTO " + qualified("prm_kernel", "public_id_counter") + " AS " + counter + " (" + quote("tenant_id")
                + ", " + quote("entity") + ", " + last + ") SELECT $1::text, $2::text, coalesce(max(" + quote(SEQUENCE_COLUMN)
                + "), 0) + $3::bigint FROM " + qualified(entity.schema(), entity.table()) + " WHERE " + quote("tenant_id")
                + " = $1::text ON CONFLICT (" + quote("tenant_id") + ", " + quote("entity") + ") DO UPDATE SET " + last
                + " = greatest(" + counter + "." + last + ", " + quote("excluded") + "." + last + " - $3::bigint) + $3::bigint"
                + " RETURNING " + last;
    }

    /**
     * Reserves {@code count} numbers on a connection outside any transaction (a prologue of
     * {@link TenantTransactions#run(Caller, java.util.function.Function, java.util.function.BiFunction)}):
     * the first of them, or {@code null} when the entity has no public ids or nothing is created.
     */
    private static Uni<Long> reserve(SqlConnection c, Caller caller, EntityStatements s, int count, boolean flushed) {
        if (s.entity.options().publicId().isEmpty() || count == 0) {
            return Uni.createFrom().nullItem();
        }
        return Uni.combine().all()
                .unis(c.query(flushed ? BEGIN : BEGIN_UNFLUSHED).execute(), c.preparedQuery(SET_LOCAL_TENANT).execute(Tuple.of(caller.tenant())),
                        c.preparedQuery(s.reserve).execute(tuple(caller, s, count)), c.query(COMMIT).execute())
                .asTuple().map(done -> first(done.getItem3(), count));
    }

    /**
     * Runs {@code work} in the caller's transaction with the first of {@code count} public-id numbers:
     * taken from those the instance holds, else reserved before the transaction, in the same pipeline as
     * BEGIN, with a block more for later creates; {@code null} when the entity has no public ids.
     */
    static <T> Uni<T> inTransactionWith(TenantTransactions transactions, PublicIdBlocks blocks, Caller caller,
                                        EntityStatements s, int count, BiFunction<SqlConnection, Long, Uni<T>> work) {
        Long cached = cached(blocks, caller, s, count);
        if (cached != null || s.reserve == null || count == 0) {
            refillIfLow(transactions, blocks, caller, s);
            return transactions.run(caller, c -> work.apply(c, cached));
        }
        return transactions.run(caller, c -> reserve(c, caller, s, count, blocks), work);
    }

    /**
     * As {@link #reserve}, for {@code count} numbers plus a block the instance keeps for later creates
     * ({@link PublicIdBlocks}): once the reservation has committed it joins the cache, and the request
     * takes the lowest {@code count} consecutive numbers the cache holds. A reservation that is cached
     * commits durably (ADR 0094): numbers in memory must not outlive their reservation in a crash of the
     * database. Without a cache it commits without waiting for the disk, as ADR 0090 argues is safe.
     */
    private static Uni<Long> reserve(SqlConnection c, Caller caller, EntityStatements s, int count, PublicIdBlocks blocks) {
        int reserved = blocks.reservation(count);
        return reserve(c, caller, s, reserved, blocks.caches()).map(first -> first == null ? null
                : blocks.settle(caller.tenant(), s.entity.qualifiedName(), first, first + reserved - 1, count));
    }

    /**
     * A number for one create without reserving: {@code 0} when the entity has no public ids (the INSERT
     * ignores it), the lowest number the instance holds, or {@code null} when it holds none.
     */
    static Long held(TenantTransactions transactions, PublicIdBlocks blocks, Caller caller, EntityStatements s) {
        if (s.reserve == null) {
            return 0L;
        }
        Long number = cached(blocks, caller, s, 1);
        refillIfLow(transactions, blocks, caller, s);
        return number;
    }

    /**
     * Reserves the next block in the background when the numbers the instance holds for the entity run low
     * (docs/adr/0103), so that creates under steady load never wait for a reservation. It commits durably,
     * as any reservation that is cached; a failure is logged and the next create tries again.
     */
    private static void refillIfLow(TenantTransactions transactions, PublicIdBlocks blocks, Caller caller, EntityStatements s) {
        String entity = s.entity.qualifiedName();
        if (s.reserve == null || !blocks.startRefill(caller.tenant(), entity)) {
            return;
        }
        int size = blocks.refillSize();
        transactions.alone(c -> reserve(c, caller, s, size, true)).subscribe().with(
                first -> blocks.refilled(caller.tenant(), entity, first, first + size - 1),
                failure -> {
                    blocks.refillFailed(caller.tenant(), entity);
                    LOG.warnf("reserving public ids for %s in the background failed (a create will reserve its own): %s",
                            entity, failure.toString());
                });
    }

    /** The first of {@code count} numbers the instance already holds ({@link PublicIdBlocks}), or {@code null}. */
    private static Long cached(PublicIdBlocks blocks, Caller caller, EntityStatements s, int count) {
        return s.reserve == null || count == 0 ? null : blocks.take(caller.tenant(), s.entity.qualifiedName(), count);
    }

    /**
     * As {@link #reserve}, inside the caller's transaction: a number the instance already holds, else one
     * from the counter, which stays locked until the transaction ends (nothing reserved here is cached: the
     * transaction may still roll back).
     */
    static Uni<Long> reserveInTransaction(SqlConnection c, Caller caller, EntityStatements s, int count, PublicIdBlocks blocks) {
        if (s.entity.options().publicId().isEmpty() || count == 0) {
            return Uni.createFrom().nullItem();
        }
        Long cached = cached(blocks, caller, s, count);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return c.preparedQuery(s.reserve).execute(tuple(caller, s, count)).map(rows -> first(rows, count));
    }

    private static Tuple tuple(Caller caller, EntityStatements s, int count) {
        return Tuple.of(caller.tenant(), s.entity.qualifiedName(), (long) count);
    }

    private static Long first(RowSet<Row> rows, int count) {
        return rows.iterator().next().getLong(0) - count + 1;
    }

    /** {@code PRT-000042}: the prefix, a dash and the number zero-padded to the declared digits (more when it is longer). */
    static String format(EntityOptions.PublicIdDef def, long number) {
        String digits = Long.toString(number);
        StringBuilder id = new StringBuilder(def.prefix()).append('-');
        for (int i = digits.length(); i < def.digits(); i++) {
            id.append('0');
        }
        return id.append(digits).toString();
    }

    /** Looks the uuid of a record up by its public id (live or deleted; the caller's tenant only). */
    public static Uni<Optional<UUID>> find(TenantTransactions transactions, KernelTenantFilter tenantFilter, Caller caller,
                                           EntityDescriptor entity, String publicId) {
        Params params = new Params();
        String sql = "SELECT " + quote("id") + " FROM " + qualified(entity.schema(), entity.table())
                + " WHERE " + tenantFilter.condition(params, caller) + " AND " + quote(COLUMN) + " = " + params.add(publicId);
        return transactions.read(caller, c -> c.preparedQuery(sql).execute(params.tuple()))
                .map(rows -> rows.size() == 0 ? Optional.<UUID>empty() : Optional.of(rows.iterator().next().getUUID(0)));
    }
}
