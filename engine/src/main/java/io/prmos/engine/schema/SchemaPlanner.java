package io.prmos.engine.schema;

import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.catalog.ModuleDescriptor;
import io.prmos.metadata.model.FieldType;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a catalog into the migration plan that brings a database (described by a snapshot) up
 * to it: schemas, then tables and columns, then tenant isolation, foreign keys and indexes.
 * Only missing objects are planned.
 */
public final class SchemaPlanner {

    private final String dataRole;

    /** @param dataRole the role record queries run as; it is granted access to every entity table */
    public SchemaPlanner(String dataRole) {
        this.dataRole = dataRole;
    }

    public MigrationPlan plan(Catalog catalog, DatabaseSnapshot snapshot) {
        List<MigrationStep> structure = new ArrayList<>();
        List<MigrationStep> isolation = new ArrayList<>();
        List<MigrationStep> foreignKeys = new ArrayList<>();
        List<MigrationStep> indexes = new ArrayList<>();
        for (ModuleDescriptor module : catalog.modules()) {
            if (!snapshot.schemas().contains(module.schema())) {
                structure.add(new MigrationStep.CreateSchema(module.schema()));
            }
            planHistory(module, snapshot, structure, isolation, indexes);
            for (EntityDescriptor entity : module.entities()) {
                planTable(entity, snapshot, structure);
                SearchVectors.plan(catalog, entity, snapshot, structure, indexes);
                if (!snapshot.isolatedTables().contains(DatabaseSnapshot.key(entity.schema(), entity.table()))) {
                    isolation.add(new MigrationStep.EnableTenantIsolation(entity.schema(), entity.table()));
                }
                if (!snapshot.grantedTables().contains(DatabaseSnapshot.key(entity.schema(), entity.table()))) {
                    isolation.add(new MigrationStep.GrantDataAccess(entity.schema(), entity.table(), dataRole));
                }
                planForeignKeys(catalog, entity, snapshot, foreignKeys);
                planIndexes(entity, snapshot, indexes);
            }
        }
        List<MigrationStep> steps = new ArrayList<>(structure);
        steps.addAll(isolation);
        steps.addAll(foreignKeys);
        steps.addAll(indexes);
        return new MigrationPlan(steps);
    }

    /** Missing indexes, after dropping field indexes the entity no longer wants (left by an earlier version or rule). */
    private static void planIndexes(EntityDescriptor entity, DatabaseSnapshot snapshot, List<MigrationStep> indexes) {
        List<IndexSpec> wanted = IndexPlanner.indexesOf(entity);
        for (String former : IndexPlanner.formerFieldIndexes(entity, wanted)) {
            if (snapshot.indexes().contains(DatabaseSnapshot.key(entity.schema(), former))
                    && !snapshot.constraints().contains(DatabaseSnapshot.key(entity.schema(), former))) {
                indexes.add(new MigrationStep.DropIndex(entity.schema(), entity.table(), former));
            }
        }
        for (IndexSpec index : wanted) {
            if (!snapshot.indexes().contains(DatabaseSnapshot.key(entity.schema(), index.name()))) {
                indexes.add(new MigrationStep.CreateIndex(entity.schema(), entity.table(), index));
            }
        }
    }

    /** The module's history table, once any of its entities has audit on; never dropped when audit goes off. */
    private void planHistory(ModuleDescriptor module, DatabaseSnapshot snapshot, List<MigrationStep> structure,
                             List<MigrationStep> isolation, List<MigrationStep> indexes) {
        if (module.entities().stream().noneMatch(e -> e.features().audit())) {
            return;
        }
        String schema = module.schema();
        if (!snapshot.hasTable(schema, HistoryTable.NAME)) {
            structure.add(new MigrationStep.CreateHistoryTable(schema));
        }
        if (!snapshot.isolatedTables().contains(DatabaseSnapshot.key(schema, HistoryTable.NAME))) {
            isolation.add(new MigrationStep.EnableTenantIsolation(schema, HistoryTable.NAME));
        }
        if (!snapshot.grantedTables().contains(DatabaseSnapshot.key(schema, HistoryTable.NAME))) {
            isolation.add(new MigrationStep.GrantDataAccess(schema, HistoryTable.NAME, dataRole));
        }
        IndexSpec index = HistoryTable.RECORD_INDEX;
        if (!snapshot.indexes().contains(DatabaseSnapshot.key(schema, index.name()))) {
            indexes.add(new MigrationStep.CreateIndex(schema, HistoryTable.NAME, index));
        }
    }

    private void planTable(EntityDescriptor entity, DatabaseSnapshot snapshot, List<MigrationStep> steps) {
        if (!snapshot.hasTable(entity.schema(), entity.table())) {
            List<ColumnSpec> columns = new ArrayList<>(ColumnTypes.systemColumns());
            entity.fields().forEach(f -> columns.addAll(ColumnTypes.columnsOf(f)));
            columns.addAll(ColumnTypes.registryColumns(entity));
            steps.add(new MigrationStep.CreateTable(entity.schema(), entity.table(), columns));
            return;
        }
        for (ColumnSpec column : ColumnTypes.registryColumns(entity)) {
            if (!snapshot.hasColumn(entity.schema(), entity.table(), column.name())) {
                steps.add(new MigrationStep.AddColumn(entity.schema(), entity.table(), column));
            }
        }
        for (FieldDescriptor field : entity.fields()) {
            for (ColumnSpec column : ColumnTypes.columnsOf(field)) {
                if (snapshot.hasColumn(entity.schema(), entity.table(), column.name())) {
                    continue;
                }
                steps.add(new MigrationStep.AddColumn(entity.schema(), entity.table(), column));
                if (column.notNull()) {
                    DefaultValues.bindable(field).ifPresent(value ->
                            steps.add(new MigrationStep.Backfill(entity.schema(), entity.table(), column.name(), value)));
                    steps.add(new MigrationStep.SetNotNull(entity.schema(), entity.table(), column.name()));
                }
            }
        }
    }

    private void planForeignKeys(Catalog catalog, EntityDescriptor entity, DatabaseSnapshot snapshot,
                                 List<MigrationStep> steps) {
        for (FieldDescriptor field : entity.fields()) {
            if (field.type() instanceof FieldType.Reference ref && !ref.crossModule()) {
                EntityDescriptor target = catalog.target(entity.module(), ref);
                String name = IndexPlanner.name(entity.table(), List.of(field.column()), "fkey");
                if (!snapshot.constraints().contains(DatabaseSnapshot.key(entity.schema(), name))) {
                    steps.add(new MigrationStep.AddForeignKey(entity.schema(), entity.table(), name, field.column(),
                            target.schema(), target.table(), ref.onDelete()));
                }
            }
        }
    }
}
