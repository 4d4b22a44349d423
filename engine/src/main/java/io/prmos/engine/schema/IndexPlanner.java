package io.prmos.engine.schema;

import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.model.FieldType;
import io.prmos.metadata.model.IndexDef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Which indexes an entity needs: the default list order, unique fields, filterable, sortable and
 * reference fields, and declared indexes. Every b-tree index leads with tenant_id because every
 * query filters on it.
 */
public final class IndexPlanner {

    private static final int MAX_NAME = 63;

    private IndexPlanner() {
    }

    static List<IndexSpec> indexesOf(EntityDescriptor entity) {
        Map<String, IndexSpec> byName = new LinkedHashMap<>();
        String table = entity.table();
        add(byName, new IndexSpec(name(table, List.of("created_at"), "idx"), List.of("tenant_id", "created_at", "id"), false, false));
        for (FieldDescriptor field : entity.fields()) {
            String column = field.column();
            if (field.def().unique()) {
                add(byName, new IndexSpec(name(table, field.columns(), "key"), prefixed(field.columns()), true, false));
            } else if (field.type() instanceof FieldType.MultiDictionary) {
                if (field.def().filterable()) {
                    add(byName, new IndexSpec(name(table, List.of(column), "gin"), List.of(column), false, true));
                }
            } else if (field.def().sortable()) {
                add(byName, new IndexSpec(name(table, List.of(column), "idx"), List.of("tenant_id", column, "id"), false, false));
            } else if (field.def().filterable() || field.type() instanceof FieldType.Reference) {
                add(byName, new IndexSpec(name(table, List.of(column), "idx"), List.of("tenant_id", column), false, false));
            }
        }
        defaultSortIndex(entity).ifPresent(spec -> add(byName, spec));
        if (entity.options().publicId().isPresent()) {
            add(byName, new IndexSpec(name(table, List.of("public_id"), "key"), List.of("tenant_id", "public_id"), true, false));
            // The next number is max(public_seq) + 1 in the tenant: this index makes it a lookup, not a scan per insert.
            add(byName, new IndexSpec(name(table, List.of("public_seq"), "idx"), List.of("tenant_id", "public_seq"), false, false));
        }
        for (IndexDef declared : entity.indexes()) {
            List<String> columns = declared.fields().stream()
                    .flatMap(f -> entity.field(f).map(FieldDescriptor::columns).orElse(List.of(f)).stream()).toList();
            String name = declared.name() != null ? declared.name()
                    : name(table, columns, declared.unique() ? "key" : "idx");
            add(byName, new IndexSpec(name, prefixed(columns), declared.unique(), false));
        }
        return new ArrayList<>(byName.values());
    }

    /**
     * The index that serves the entity's default list order (e.g. {@code -score, name}) with the
     * id tie-breaker the query appends, so the first page is read in order instead of sorted.
     */
    private static java.util.Optional<IndexSpec> defaultSortIndex(EntityDescriptor entity) {
        List<String> columns = new ArrayList<>();
        java.util.Set<String> descending = new java.util.HashSet<>();
        boolean lastDescending = false;
        for (String key : entity.defaultSort()) {
            lastDescending = key.startsWith("-");
            String name = key.replaceFirst("^[-+]", "");
            java.util.Optional<String> column = sortColumn(entity, name);
            if (column.isEmpty() || columns.contains(column.get())) {
                return java.util.Optional.empty();
            }
            columns.add(column.get());
            if (lastDescending) {
                descending.add(column.get());
            }
        }
        if (columns.isEmpty()) {
            return java.util.Optional.empty();
        }
        if (lastDescending) {
            descending.add("id");
        }
        List<String> all = new ArrayList<>(prefixed(columns));
        all.add("id");
        return java.util.Optional.of(new IndexSpec(name(entity.table(), columns, "sort"), all, false, false, descending));
    }

    private static java.util.Optional<String> sortColumn(EntityDescriptor entity, String name) {
        if (List.of("id", "created_at", "updated_at", "created_by", "updated_by", "version").contains(name)) {
            return java.util.Optional.of(name);
        }
        return entity.field(name)
                .filter(f -> !(f.type() instanceof FieldType.MultiDictionary) && !(f.type() instanceof FieldType.Json))
                .map(FieldDescriptor::column);
    }

    /** Adds an index unless one with the same name, or the same columns in the same order and directions, exists. */
    private static void add(Map<String, IndexSpec> byName, IndexSpec spec) {
        boolean same = byName.values().stream().anyMatch(existing -> existing.columns().equals(spec.columns())
                && existing.descending().equals(spec.descending()) && existing.unique() == spec.unique() && existing.gin() == spec.gin());
        if (!same) {
            byName.putIfAbsent(spec.name(), spec);
        }
    }

    private static List<String> prefixed(List<String> columns) {
        List<String> all = new ArrayList<>();
        all.add("tenant_id");
        all.addAll(columns);
        return all;
    }

    /** PostgreSQL-style names ({@code partner_score_idx}), shortened with a checksum past 63 characters. */
    public static String name(String table, List<String> columns, String suffix) {
        String full = table + "_" + String.join("_", columns) + "_" + suffix;
        if (full.length() <= MAX_NAME) {
            return full;
        }
        CRC32 crc = new CRC32();
        crc.update(full.getBytes(StandardCharsets.UTF_8));
        String hash = String.format("%08x", crc.getValue());
        return full.substring(0, MAX_NAME - suffix.length() - hash.length() - 2) + "_" + hash + "_" + suffix;
    }
}
