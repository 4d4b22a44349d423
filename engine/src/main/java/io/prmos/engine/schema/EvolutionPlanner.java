package io.prmos.engine.schema;

import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.catalog.ModuleDescriptor;
import io.prmos.metadata.diff.Change;
import io.prmos.metadata.diff.ChangeKind;
import io.prmos.metadata.diff.ChangeSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The steps a change set needs beyond "add what is missing": renames, archiving removed fields and
 * entities (their data stays, under an {@code _removed_} name, until an explicit purge), type
 * widening, and NOT NULL changes with back-fill. Additive objects are left to {@link SchemaPlanner},
 * which runs afterwards on the snapshot these steps produce.
 */
public final class EvolutionPlanner {

    public static final String ARCHIVE_PREFIX = "_removed_";

    /**
     * @param installed the module as installed (null for a first install)
     * @param candidate the module as it will be
     */
    public List<MigrationStep> plan(ModuleDescriptor installed, ModuleDescriptor candidate, ChangeSet changes, String archiveSuffix) {
        List<MigrationStep> steps = new ArrayList<>();
        if (installed == null) {
            return steps;
        }
        for (Change change : changes.changes()) {
            steps.addAll(stepsFor(installed, candidate, change, archiveSuffix));
        }
        return steps;
    }

    private List<MigrationStep> stepsFor(ModuleDescriptor installed, ModuleDescriptor candidate, Change change, String suffix) {
        String[] target = change.target().split("\\.", 2);
        ChangeKind kind = change.kind();
        if (kind == ChangeKind.ENTITY_RENAMED) {
            EntityDescriptor now = candidate.entitiesByName().get(target[0]);
            EntityDescriptor before = installed.entitiesByName().get(now.def().renamedFrom().orElseThrow());
            return List.of(new MigrationStep.RenameTable(before.schema(), before.table(), now.table()));
        }
        if (kind == ChangeKind.ENTITY_REMOVED) {
            EntityDescriptor before = installed.entitiesByName().get(target[0]);
            return List.of(new MigrationStep.RenameTable(before.schema(), before.table(), archived(before.table(), suffix)));
        }
        if (target.length < 2) {
            return List.of();
        }
        return fieldSteps(installed, candidate, kind, target[0], target[1], suffix);
    }

    private List<MigrationStep> fieldSteps(ModuleDescriptor installed, ModuleDescriptor candidate, ChangeKind kind,
                                           String entityName, String fieldName, String suffix) {
        EntityDescriptor now = candidate.entitiesByName().get(entityName);
        EntityDescriptor before = previous(installed, now, entityName);
        if (before == null) {
            return List.of();
        }
        String schema = before.schema();
        String table = now == null ? before.table() : now.table();
        List<MigrationStep> steps = new ArrayList<>();
        if (kind == ChangeKind.FIELD_REMOVED) {
            FieldDescriptor old = before.field(fieldName).orElseThrow();
            for (String column : old.columns()) {
                if (old.def().required()) {
                    steps.add(new MigrationStep.DropNotNull(schema, table, column));
                }
                steps.add(new MigrationStep.RenameColumn(schema, table, column, archived(column, suffix)));
            }
            return steps;
        }
        FieldDescriptor field = now.field(fieldName).orElseThrow();
        if (kind == ChangeKind.FIELD_RENAMED) {
            FieldDescriptor old = before.field(field.def().renamedFrom().orElseThrow()).orElseThrow();
            for (int i = 0; i < field.columns().size(); i++) {
                steps.add(new MigrationStep.RenameColumn(schema, table, old.columns().get(i), field.columns().get(i)));
            }
        } else if (kind == ChangeKind.FIELD_TYPE_WIDENED) {
            List<ColumnSpec> columns = ColumnTypes.columnsOf(field);
            for (ColumnSpec column : columns) {
                steps.add(new MigrationStep.AlterColumnType(schema, table, column.name(), column.sqlType()));
            }
        } else if (kind == ChangeKind.FIELD_MADE_REQUIRED) {
            for (String column : field.columns()) {
                Optional<Object> fill = DefaultValues.bindable(field);
                fill.ifPresent(value -> steps.add(new MigrationStep.Backfill(schema, table, column, value)));
                steps.add(new MigrationStep.SetNotNull(schema, table, column));
            }
        } else if (kind == ChangeKind.FIELD_MADE_OPTIONAL) {
            field.columns().forEach(column -> steps.add(new MigrationStep.DropNotNull(schema, table, column)));
        }
        return steps;
    }

    private static EntityDescriptor previous(ModuleDescriptor installed, EntityDescriptor now, String entityName) {
        if (now != null && now.def().renamedFrom().isPresent()) {
            EntityDescriptor renamed = installed.entitiesByName().get(now.def().renamedFrom().get());
            if (renamed != null) {
                return renamed;
            }
        }
        return installed.entitiesByName().get(entityName);
    }

    /**
     * {@code _removed_notes_v2}: kept until an explicit purge, never reused by a later field. A name
     * past 63 characters keeps its beginning and ends in a checksum of the whole, so two long names
     * archived by one version cannot collide.
     */
    public static String archived(String name, String suffix) {
        return IndexPlanner.shortened(ARCHIVE_PREFIX + name + "_" + suffix, suffix);
    }
}
