package io.prmos.engine.schema;

import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Plans an entity's full-text column. The column is generated from the searchable fields, so any
 * change of those fields or of the language is a drop and re-add (PostgreSQL cannot alter a
 * generation expression in place); the comment on the column records what it was built from.
 */
public final class SearchVectors {

    public static final String COLUMN = "search_vector";
    /** The text search configurations a manifest may name (the schema's enum); guards the literal in DDL. */
    public static final Set<String> LANGUAGES = Set.of("simple", "english", "german", "french", "spanish", "italian",
            "dutch", "portuguese", "danish", "finnish", "norwegian", "swedish", "russian");

    private SearchVectors() {
    }

    public static String indexName(String table) {
        return IndexPlanner.name(table, List.of(COLUMN), "idx");
    }

    /** {@code prm-search simple: name, contact_email}, or empty when nothing is searchable. */
    public static Optional<String> signature(EntityDescriptor entity) {
        List<String> columns = columns(entity);
        return columns.isEmpty() ? Optional.empty()
                : Optional.of("prm-search " + entity.options().searchLanguage() + ": " + String.join(", ", columns));
    }

    static List<String> columns(EntityDescriptor entity) {
        List<String> columns = new ArrayList<>();
        for (FieldDescriptor field : entity.searchableFields()) {
            columns.add(field.column());
        }
        return columns;
    }

    /** The steps that make the table's search column match the entity, given what the snapshot holds. */
    static void plan(EntityDescriptor entity, DatabaseSnapshot snapshot, List<MigrationStep> structure, List<MigrationStep> indexes) {
        String key = DatabaseSnapshot.key(entity.schema(), entity.table());
        String existing = snapshot.searchVectors().get(key);
        Optional<String> wanted = signature(entity);
        if (existing != null && wanted.isPresent() && existing.equals(wanted.get())) {
            if (!snapshot.indexes().contains(DatabaseSnapshot.key(entity.schema(), indexName(entity.table())))) {
                indexes.add(index(entity));
            }
            return;
        }
        if (existing != null) {
            structure.add(new MigrationStep.DropSearchVector(entity.schema(), entity.table()));
        }
        if (wanted.isPresent()) {
            structure.add(new MigrationStep.AddSearchVector(entity.schema(), entity.table(), entity.options().searchLanguage(),
                    columns(entity), wanted.get()));
            indexes.add(index(entity));
        }
    }

    private static MigrationStep index(EntityDescriptor entity) {
        return new MigrationStep.CreateIndex(entity.schema(), entity.table(),
                new IndexSpec(indexName(entity.table()), List.of(COLUMN), false, true));
    }

    /**
     * PostgreSQL refuses to change the type of a column a generated column uses: the search
     * column of a table whose columns an evolution step retypes is dropped first (and re-added by
     * {@link #plan}, which then finds it missing).
     */
    public static List<MigrationStep> beforeEvolution(List<MigrationStep> evolution, DatabaseSnapshot snapshot) {
        List<MigrationStep> out = new ArrayList<>();
        Set<String> dropped = new java.util.HashSet<>();
        for (MigrationStep step : evolution) {
            if (step instanceof MigrationStep.AlterColumnType a
                    && snapshot.searchVectors().containsKey(DatabaseSnapshot.key(a.schema(), a.table()))
                    && dropped.add(DatabaseSnapshot.key(a.schema(), a.table()))) {
                out.add(new MigrationStep.DropSearchVector(a.schema(), a.table()));
            }
        }
        out.addAll(evolution);
        return out;
    }
}
