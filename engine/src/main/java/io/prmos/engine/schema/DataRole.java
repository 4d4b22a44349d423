package io.prmos.engine.schema;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The database role record queries run as. It must not be SUPERUSER or BYPASSRLS, or row-level
 * security would not apply to it. Created (by the owner connection) when missing; an existing role
 * with either attribute stops the start.
 */
public final class DataRole {

    private static final String FIND = "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1";
    /** PostgreSQL quotes the name (%I) and password (%L) itself: DDL takes no parameters. */
    private static final String CREATE = "SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD %L',"
            + " $1::text, $2::text)";

    private DataRole() {
    }

    public static Uni<Void> ensure(SqlConnection owner, String role, String password) {
        io.prmos.engine.sql.SqlIdentifier.quote(role);
        return owner.preparedQuery(FIND).execute(Tuple.of(role)).flatMap(rows -> {
            if (rows.size() == 1) {
                Row row = rows.iterator().next();
                if (row.getBoolean(0) || row.getBoolean(1)) {
                    return Uni.createFrom().failure(new IllegalStateException("database role '" + role
                            + "' is SUPERUSER or BYPASSRLS; row-level security would not apply to it. Use a plain role."));
                }
                return Uni.createFrom().voidItem();
            }
            return owner.preparedQuery(CREATE).execute(Tuple.of(role, password))
                    .flatMap(statement -> owner.query(statement.iterator().next().getString(0)).execute())
                    .replaceWithVoid();
        });
    }
}
