package io.prmos.engine.schema;

import static io.prmos.engine.sql.SqlIdentifier.quote;

import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.catalog.SearchVisibility;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The stored full-text vectors of an entity (docs/adr/0034, 0080). {@code search_vector} covers
 * every searchable field; each distinct set of searchable fields that a role sees only in part
 * gets a vector of its own ({@code search_vector_<hash>}), so a caller never matches on a field it
 * may not read. Vectors are generated columns, so any change of their fields, weights, bound or
 * language is a drop and re-add (PostgreSQL cannot alter a generation expression in place); the
 * comment on each column records what it was built from.
 */
public final class SearchVectors {

    public static final String COLUMN = "search_vector";
    /** The text search configurations a manifest may name (the schema's enum); guards the literal in DDL. */
    public static final Set<String> LANGUAGES = Set.of("simple", "english", "german", "french", "spanish", "italian",
            "dutch", "portuguese", "danish", "finnish", "norwegian", "swedish", "russian");
    /** Vectors for partial visible sets per entity; callers whose set has none are matched by a recheck. */
    public static final int MAX_PARTIAL = 4;
    /**
     * Characters of all searchable fields of a row that are indexed together. A tsvector holds at
     * most 1 MB (1,048,575 bytes) of distinct lexeme text, and one character of input can yield up
     * to 8 bytes of it: 4 in UTF-8, twice, because the parser indexes a hyphenated word whole and
     * by its parts (so does a URL, with its host and path). 120,000 characters stay below the limit
     * whatever the text; longer text is indexed by its beginning instead of failing the write.
     */
    static final int TEXT_BUDGET = 120_000;
    static final int MAX_FIELD_CHARS = 100_000;
    private static final String VERSION = "v2";

    /** One searchable column with its weight (A, B, C, D by declaration order among all searchable fields). */
    public record Part(String column, char weight) {
    }

    /** A stored (or, for a recheck, computed) tsvector over some of an entity's searchable fields. */
    public record Vector(String column, String language, List<Part> parts, int maxChars, String signature) {
        public Vector {
            parts = List.copyOf(parts);
        }
    }

    private SearchVectors() {
    }

    /** The vector over every searchable field, if the entity has any. */
    public static Optional<Vector> full(EntityDescriptor entity) {
        List<String> all = entity.searchableFields().stream().map(FieldDescriptor::name).toList();
        return all.isEmpty() ? Optional.empty() : Optional.of(over(entity, all, COLUMN));
    }

    /** The stored vectors the entity needs: the full one, then one per partial visible set (at most {@link #MAX_PARTIAL}). */
    public static List<Vector> stored(Catalog catalog, EntityDescriptor entity) {
        List<Vector> out = new ArrayList<>();
        full(entity).ifPresent(out::add);
        for (Set<String> visible : SearchVisibility.partialSets(catalog, entity)) {
            if (out.size() - 1 >= MAX_PARTIAL) {
                break;
            }
            Vector partial = over(entity, visible, null);
            out.add(new Vector(partialColumn(partial.signature()), partial.language(), partial.parts(), partial.maxChars(),
                    partial.signature()));
        }
        return out;
    }

    /** The vector over exactly {@code fields} (names), as a search computes it when no stored vector matches. */
    public static Vector over(EntityDescriptor entity, Collection<String> fields, String column) {
        List<FieldDescriptor> searchable = entity.searchableFields();
        int maxChars = Math.min(MAX_FIELD_CHARS, TEXT_BUDGET / Math.max(1, searchable.size()));
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < searchable.size(); i++) {
            if (fields.contains(searchable.get(i).name())) {
                parts.add(new Part(searchable.get(i).column(), (char) ('A' + Math.min(i, 3))));
            }
        }
        String language = entity.options().searchLanguage();
        String signature = "prm-search " + VERSION + " " + language + " " + maxChars + ": "
                + String.join(", ", parts.stream().map(p -> p.column() + " " + p.weight()).toList());
        return new Vector(column, language, parts, maxChars, signature);
    }

    private static String partialColumn(String signature) {
        CRC32 crc = new CRC32();
        crc.update(signature.getBytes(StandardCharsets.UTF_8));
        return COLUMN + "_" + String.format("%08x", crc.getValue());
    }

    /** {@code setweight(to_tsvector('simple'::regconfig, left(coalesce("name"::text, ''), N)), 'A') || …}. */
    public static String expression(Vector vector) {
        String config = config(vector.language());
        List<String> terms = new ArrayList<>();
        for (Part part : vector.parts()) {
            terms.add("setweight(to_tsvector(" + config + ", " + boundedText(part.column(), vector.maxChars()) + "), '"
                    + part.weight() + "')");
        }
        return String.join(" || ", terms);
    }

    /** A column as text, never null, cut to the characters a vector indexes (also what snippets are built from). */
    public static String boundedText(String column, int maxChars) {
        return "left(coalesce(" + quote(column) + "::text, ''), " + maxChars + ")";
    }

    /** {@code 'simple'::regconfig}; the language is checked against the schema's enum once more. */
    public static String config(String language) {
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("unknown text search configuration " + language);
        }
        return "'" + language + "'::regconfig";
    }

    public static String indexName(String table, String column) {
        return IndexPlanner.name(table, List.of(column), "idx");
    }

    /** The steps that make the table's search columns match the catalog, given what the snapshot holds. */
    static void plan(Catalog catalog, EntityDescriptor entity, DatabaseSnapshot snapshot, List<MigrationStep> structure,
                     List<MigrationStep> indexes) {
        Map<String, String> existing = snapshot.searchVectorsOf(entity.schema(), entity.table());
        List<Vector> wanted = stored(catalog, entity);
        Set<String> kept = new HashSet<>();
        for (Vector vector : wanted) {
            if (vector.signature().equals(existing.get(vector.column()))) {
                kept.add(vector.column());
            }
        }
        existing.keySet().stream().filter(column -> !kept.contains(column)).sorted()
                .forEach(column -> structure.add(new MigrationStep.DropSearchVector(entity.schema(), entity.table(), column)));
        for (Vector vector : wanted) {
            IndexSpec index = IndexSpec.search(indexName(entity.table(), vector.column()), vector.column());
            if (!kept.contains(vector.column())) {
                structure.add(new MigrationStep.AddSearchVector(entity.schema(), entity.table(), vector));
                indexes.add(new MigrationStep.CreateIndex(entity.schema(), entity.table(), index));
            } else if (!snapshot.indexes().contains(DatabaseSnapshot.key(entity.schema(), index.name()))) {
                indexes.add(new MigrationStep.CreateIndex(entity.schema(), entity.table(), index));
            }
        }
    }

    /**
     * PostgreSQL refuses to change the type of a column a generated column uses: the search
     * columns of a table whose columns an evolution step retypes are dropped first (and re-added by
     * {@link #plan}, which then finds them missing).
     */
    public static List<MigrationStep> beforeEvolution(List<MigrationStep> evolution, DatabaseSnapshot snapshot) {
        List<MigrationStep> out = new ArrayList<>();
        Set<String> dropped = new HashSet<>();
        for (MigrationStep step : evolution) {
            if (step instanceof MigrationStep.AlterColumnType a && dropped.add(DatabaseSnapshot.key(a.schema(), a.table()))) {
                snapshot.searchVectorsOf(a.schema(), a.table()).keySet().stream().sorted()
                        .forEach(column -> out.add(new MigrationStep.DropSearchVector(a.schema(), a.table(), column)));
            }
        }
        out.addAll(evolution);
        return out;
    }
}
