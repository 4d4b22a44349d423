package io.prmos.engine.schema;

import io.prmos.metadata.model.FieldType;
import java.util.List;

/**
 * One typed step of a migration plan. Plans are data: they print as SQL for review and apply in
 * one transaction. {@link DdlRenderer} is the only place a step becomes SQL text.
 */
public sealed interface MigrationStep {

    /** The PostgreSQL schema (= module) the step changes; every step record has this component. */
    String schema();

    record CreateSchema(String schema) implements MigrationStep {
    }

    /** A table with its system columns, primary key and the (tenant_id, id) key composite references use. */
    record CreateTable(String schema, String table, List<ColumnSpec> columns) implements MigrationStep {
        public CreateTable {
            columns = List.copyOf(columns);
        }
    }

    record AddColumn(String schema, String table, ColumnSpec column) implements MigrationStep {
    }

    /** A column renamed in place (a field renamed with renamedFrom, or archived when removed). */
    record RenameColumn(String schema, String table, String from, String to) implements MigrationStep {
    }

    /** A table renamed in place (an entity renamed with renamedFrom, or archived when removed). */
    record RenameTable(String schema, String from, String to) implements MigrationStep {
    }

    /** A widening type change (longer text, more digits, integer to bigint). */
    record AlterColumnType(String schema, String table, String column, String sqlType) implements MigrationStep {
    }

    /** Fills NULLs of a column with a field's default before it becomes NOT NULL; the value is bound. */
    record Backfill(String schema, String table, String column, Object value) implements MigrationStep {
    }

    record SetNotNull(String schema, String table, String column) implements MigrationStep {
    }

    record DropNotNull(String schema, String table, String column) implements MigrationStep {
    }

    /** Deletes a column archived by an earlier removal (only names with the archive prefix). */
    record PurgeColumn(String schema, String table, String column) implements MigrationStep {
        public PurgeColumn {
            if (!column.startsWith(EvolutionPlanner.ARCHIVE_PREFIX)) {
                throw new IllegalArgumentException("only archived columns can be purged: " + column);
            }
        }
    }

    /** Deletes a table archived by an earlier entity removal (only names with the archive prefix). */
    record PurgeTable(String schema, String table) implements MigrationStep {
        public PurgeTable {
            if (!table.startsWith(EvolutionPlanner.ARCHIVE_PREFIX)) {
                throw new IllegalArgumentException("only archived tables can be purged: " + table);
            }
        }
    }

    /** Row-level security on tenant_id, forced for the table owner too. */
    record EnableTenantIsolation(String schema, String table) implements MigrationStep {
    }

    /**
     * Lets the data role use the schema and read, write and delete the table's rows (deletes: hard
     * deletes of entities without soft delete, and recycle-bin purges; row-level security still
     * confines them to the caller's tenant).
     */
    record GrantDataAccess(String schema, String table, String role) implements MigrationStep {
    }

    /** A reference within a module: (tenant_id, column) → target (tenant_id, id), so it cannot cross tenants. */
    record AddForeignKey(String schema, String table, String name, String column,
                         String targetSchema, String targetTable, FieldType.OnDelete onDelete) implements MigrationStep {
    }

    /** The module's audit history table {@code _history} (docs/adr/0060): one row per record change. */
    record CreateHistoryTable(String schema) implements MigrationStep {
        public String table() {
            return HistoryTable.NAME;
        }
    }

    record CreateIndex(String schema, String table, IndexSpec index) implements MigrationStep {
    }

    /**
     * A drop of an index the catalog no longer wants (one an earlier version or a rollback left behind,
     * or a b-tree over text too long to index), so that it cannot refuse writes the catalog allows.
     */
    record DropIndex(String schema, String table, String name) implements MigrationStep {
    }

    /**
     * A full-text column: a stored generated tsvector of some searchable columns, weighted A, B, C, D
     * by declaration order (docs/adr/0034, 0080); the vector's signature is kept as the column's
     * comment so a later publish can tell whether it must be rebuilt.
     */
    record AddSearchVector(String schema, String table, SearchVectors.Vector vector) implements MigrationStep {
    }

    /** Drops a generated search column (and its index) to rebuild it or because no one needs it any more. */
    record DropSearchVector(String schema, String table, String column) implements MigrationStep {
    }
}
