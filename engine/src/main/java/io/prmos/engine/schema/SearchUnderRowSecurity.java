package io.prmos.engine.schema;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import org.jboss.logging.Logger;

/**
 * Lets the search vectors' GIN indexes serve queries under row-level security (docs/adr/0081).
 * PostgreSQL applies a table's policy before any condition of the query whose function is not
 * LEAKPROOF, and an index scan evaluates its condition first, so with the text-match operator
 * {@code @@} (function {@code ts_match_vq}) not marked leakproof every search read all the tenant's
 * rows. Marking it needs a superuser: done at start when the owner connection is one (the embedded
 * database), otherwise a warning names the statement for a database administrator. Search stays
 * correct either way; the policy still filters every row a search returns.
 */
public final class SearchUnderRowSecurity {

    private static final Logger LOG = Logger.getLogger(SearchUnderRowSecurity.class);
    public static final String MARK = "ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) LEAKPROOF";
    private static final String STATE = "SELECT p.proleakproof, r.rolsuper FROM pg_proc p, pg_roles r"
            + " WHERE p.oid = 'pg_catalog.ts_match_vq(tsvector, tsquery)'::regprocedure AND r.rolname = current_user";

    private SearchUnderRowSecurity() {
    }

    /** True when searches can use their indexes (the operator is, or has just been, marked leakproof). */
    public static Uni<Boolean> ensure(SqlClient owner) {
        return owner.query(STATE).execute().flatMap(rows -> {
            var row = rows.iterator().next();
            if (row.getBoolean(0)) {
                return Uni.createFrom().item(true);
            }
            if (!row.getBoolean(1)) {
                LOG.warnf("full-text search cannot use its indexes under row-level security and scans each tenant's rows;"
                        + " a database superuser can enable them once with: %s;", MARK);
                return Uni.createFrom().item(false);
            }
            return owner.query(MARK).execute().replaceWith(true);
        });
    }
}
