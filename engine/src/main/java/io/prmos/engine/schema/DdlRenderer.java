package io.prmos.engine.schema;

import static io.prmos.engine.sql.SqlIdentifier.qualified;
import static io.prmos.engine.sql.SqlIdentifier.quote;

import java.util.stream.Collectors;

/** Renders migration steps to PostgreSQL DDL. Every name goes through {@code SqlIdentifier}. */
public final class DdlRenderer {

    /** The per-transaction setting that carries the caller's tenant to row-level security. */
    public static final String TENANT_SETTING = "prm.tenant";

    public String render(MigrationStep step) {
        if (step instanceof MigrationStep.CreateSchema s) {
            return "CREATE SCHEMA IF NOT EXISTS " + quote(s.schema());
        }
        if (step instanceof MigrationStep.CreateTable t) {
            return createTable(t);
        }
        if (step instanceof MigrationStep.CreateHistoryTable h) {
            return HistoryTable.create(h.schema());
        }
        if (step instanceof MigrationStep.AddColumn a) {
            // added nullable: a required column is back-filled and made NOT NULL by later steps
            ColumnSpec nullable = new ColumnSpec(a.column().name(), a.column().sqlType(), false, a.column().defaultExpression());
            return "ALTER TABLE " + qualified(a.schema(), a.table()) + " ADD COLUMN IF NOT EXISTS " + column(nullable);
        }
        String evolution = evolution(step);
        if (evolution != null) {
            return evolution;
        }
        if (step instanceof MigrationStep.EnableTenantIsolation r) {
            return tenantIsolation(r);
        }
        if (step instanceof MigrationStep.GrantDataAccess g) {
            return "GRANT USAGE ON SCHEMA " + quote(g.schema()) + " TO " + quote(g.role()) + ";\n"
                    + "GRANT " + (HistoryTable.NAME.equals(g.table()) ? "SELECT, INSERT, DELETE" : "SELECT, INSERT, UPDATE, DELETE")
                    + " ON " + qualified(g.schema(), g.table()) + " TO " + quote(g.role());
        }
        if (step instanceof MigrationStep.AddForeignKey f) {
            return foreignKey(f);
        }
        if (step instanceof MigrationStep.CreateIndex i) {
            return index(i);
        }
        throw new IllegalArgumentException("unknown step " + step);
    }

    private static String evolution(MigrationStep step) {
        if (step instanceof MigrationStep.RenameColumn r) {
            return "ALTER TABLE " + qualified(r.schema(), r.table()) + " RENAME COLUMN " + quote(r.from()) + " TO " + quote(r.to());
        }
        if (step instanceof MigrationStep.RenameTable r) {
            return "ALTER TABLE " + qualified(r.schema(), r.from()) + " RENAME TO " + quote(r.to());
        }
        if (step instanceof MigrationStep.AlterColumnType a) {
            return "ALTER TABLE " + qualified(a.schema(), a.table()) + " ALTER COLUMN " + quote(a.column()) + " TYPE " + a.sqlType();
        }
        if (step instanceof MigrationStep.Backfill b) {
            return "UPDATE " + qualified(b.schema(), b.table()) + " SET " + quote(b.column()) + " = $1 WHERE " + quote(b.column()) + " IS NULL";
        }
        if (step instanceof MigrationStep.SetNotNull n) {
            return "ALTER TABLE " + qualified(n.schema(), n.table()) + " ALTER COLUMN " + quote(n.column()) + " SET NOT NULL";
        }
        if (step instanceof MigrationStep.AddSearchVector v) {
            return searchVector(v);
        }
        if (step instanceof MigrationStep.DropSearchVector d) {
            return "ALTER TABLE " + qualified(d.schema(), d.table()) + " DROP COLUMN IF EXISTS " + quote(d.column());
        }
        if (step instanceof MigrationStep.DropIndex d) {
            return "DROP INDEX IF EXISTS " + qualified(d.schema(), d.name());
        }
        if (step instanceof MigrationStep.PurgeColumn p) {
            return "ALTER TABLE " + qualified(p.schema(), p.table()) + " DROP COLUMN " + quote(p.column());
        }
        if (step instanceof MigrationStep.PurgeTable p) {
            return "DROP TABLE " + qualified(p.schema(), p.table());
        }
        if (step instanceof MigrationStep.DropNotNull n) {
            return "ALTER TABLE " + qualified(n.schema(), n.table()) + " ALTER COLUMN " + quote(n.column()) + " DROP NOT NULL";
        }
        return null;
    }

    /** The values bound to a step's placeholders (only back-fills have any). */
    public java.util.List<Object> parameters(MigrationStep step) {
        return step instanceof MigrationStep.Backfill b ? java.util.List.of(b.value()) : java.util.List.of();
    }

    private String createTable(MigrationStep.CreateTable t) {
        String columns = t.columns().stream().map(c -> "  " + column(c)).collect(Collectors.joining(",\n"));
        return "CREATE TABLE IF NOT EXISTS " + qualified(t.schema(), t.table()) + " (\n" + columns + ",\n"
                + "  CONSTRAINT " + quote(IndexPlanner.constraintName(t.table(), "pkey")) + " PRIMARY KEY (" + quote("id") + "),\n"
                + "  CONSTRAINT " + quote(IndexPlanner.constraintName(t.table(), "tenant_id_id_key")) + " UNIQUE (" + quote("tenant_id") + ", " + quote("id") + ")\n"
                + ")";
    }

    private String column(ColumnSpec c) {
        return quote(c.name()) + " " + c.sqlType()
                + (c.notNull() ? " NOT NULL" : "")
                + (c.defaultExpression() != null ? " DEFAULT " + c.defaultExpression() : "");
    }

    /** The expression and the language literal come from {@link SearchVectors} (which checks the language); names go through quote. */
    private static String searchVector(MigrationStep.AddSearchVector v) {
        String table = qualified(v.schema(), v.table());
        String column = quote(v.vector().column());
        return "ALTER TABLE " + table + " ADD COLUMN " + column + " tsvector GENERATED ALWAYS AS ("
                + SearchVectors.expression(v.vector()) + ") STORED;\n"
                + "COMMENT ON COLUMN " + table + "." + column + " IS '" + v.vector().signature().replace("'", "''") + "'";
    }

    private String tenantIsolation(MigrationStep.EnableTenantIsolation r) {
        String table = qualified(r.schema(), r.table());
        String predicate = "(" + quote("tenant_id") + " = current_setting('" + TENANT_SETTING + "', true))";
        return "ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY;\n"
                + "ALTER TABLE " + table + " FORCE ROW LEVEL SECURITY;\n"
                + "CREATE POLICY " + quote("tenant_isolation") + " ON " + table
                + " USING " + predicate + " WITH CHECK " + predicate;
    }

    private String foreignKey(MigrationStep.AddForeignKey f) {
        String action = switch (f.onDelete()) {
            case CASCADE -> "CASCADE";
            case SET_NULL -> "SET NULL (" + quote(f.column()) + ")";
            case RESTRICT -> "RESTRICT";
        };
        return "ALTER TABLE " + qualified(f.schema(), f.table()) + " ADD CONSTRAINT " + quote(f.name())
                + " FOREIGN KEY (" + quote("tenant_id") + ", " + quote(f.column()) + ") REFERENCES "
                + qualified(f.targetSchema(), f.targetTable()) + " (" + quote("tenant_id") + ", " + quote("id") + ")"
                + " ON DELETE " + action;
    }

    private String index(MigrationStep.CreateIndex i) {
        IndexSpec spec = i.index();
        String columns = spec.columns().stream().map(c -> indexed(spec, c)).collect(Collectors.joining(", "));
        String method = switch (spec.method()) {
            case BTREE -> "";
            case GIN, SEARCH -> " USING gin";
            case HASH -> " USING hash";
        };
        return "CREATE " + (spec.unique() ? "UNIQUE " : "") + "INDEX IF NOT EXISTS " + quote(spec.name())
                + " ON " + qualified(i.schema(), i.table()) + method + " (" + columns + ")"
                // search indexes keep GIN's pending list at its smallest, 64 kB: writes add to it cheaply and
                // every search scans at most that much of it (docs/adr/0099)
                + (spec.method() == IndexSpec.Method.SEARCH ? " WITH (fastupdate = on, gin_pending_list_limit = 64)" : "")
                + (spec.unique() ? " WHERE " + quote("deleted_at") + " IS NULL" : "");
    }

    /** A key column; text too long for a b-tree entry enters as its md5 digest (equality and uniqueness only). */
    private static String indexed(IndexSpec spec, String column) {
        if (spec.digested().contains(column)) {
            return "md5(" + quote(column) + "::text)";
        }
        return quote(column) + (spec.descending().contains(column) ? " DESC" : "");
    }
}
