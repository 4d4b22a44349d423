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
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Which indexes an entity needs: the default list order, unique fields, filterable, sortable and
 * reference fields, and declared indexes. Every b-tree index leads with tenant_id because every
 * query filters on it. Text that may be longer than a b-tree entry allows (longtext, url, text
 * over {@link #MAX_BTREE_TEXT} characters) never enters a b-tree as is: filterable, it gets a hash
 * index (equality); unique or in a declared index, its md5 digest; sortable only, no index.
 */
public final class IndexPlanner {

    private static final int MAX_NAME = 63;
    /**
     * Characters of text a b-tree key may hold: PostgreSQL refuses index entries over 2,704 bytes
     * (a write would fail), and a character takes up to 4 bytes next to tenant_id and id.
     */
    public static final int MAX_BTREE_TEXT = 500;

    private IndexPlanner() {
    }

    static List<IndexSpec> indexesOf(EntityDescriptor entity) {
        Map<String, IndexSpec> byName = new LinkedHashMap<>();
        String table = entity.table();
        add(byName, new IndexSpec(name(table, List.of("created_at"), "idx"), List.of("tenant_id", "created_at", "id"), false, false));
        for (FieldDescriptor field : entity.fields()) {
            String column = field.column();
            if (field.custom()) {
                continue;
            }
            if (field.def().unique()) {
                add(byName, new IndexSpec(name(table, field.columns(), "key"), prefixed(field.columns()), true,
                        IndexSpec.Method.BTREE, Set.of(), longText(field) ? Set.of(column) : Set.of()));
            } else if (field.type() instanceof FieldType.MultiDictionary) {
                if (field.def().filterable()) {
                    add(byName, new IndexSpec(name(table, List.of(column), "gin"), List.of(column), false, true));
                }
            } else if (longText(field)) {
                if (field.def().filterable()) {
                    add(byName, new IndexSpec(name(table, List.of(column), "hash"), List.of(column), false,
                            IndexSpec.Method.HASH, Set.of(), Set.of()));
                }
            } else if (field.def().sortable()) {
                add(byName, new IndexSpec(name(table, List.of(column), "idx"), List.of("tenant_id", column, "id"), false, false));
            } else if (field.def().filterable() || field.type() instanceof FieldType.Reference) {
                add(byName, new IndexSpec(name(table, List.of(column), "idx"), List.of("tenant_id", column), false, false));
            }
        }
        IndexWidth width = new IndexWidth(entity);
        // an order over several wide text columns could exceed a b-tree entry: no index then (sorting still works)
        defaultSortIndex(entity).filter(spec -> width.fits(spec.columns(), Set.of())).ifPresent(spec -> add(byName, spec));
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
            Set<String> digested = declared.fields().stream().map(entity::field).flatMap(java.util.Optional::stream)
                    .filter(IndexPlanner::longText).map(FieldDescriptor::column).collect(java.util.stream.Collectors.toSet());
            add(byName, new IndexSpec(name, prefixed(columns), declared.unique(), IndexSpec.Method.BTREE, Set.of(),
                    fitted(width, prefixed(columns), digested)));
        }
        return new ArrayList<>(byName.values());
    }

    /** Digests the widest text columns of a declared index until its entries fit a b-tree ({@link IndexWidth}). */
    private static Set<String> fitted(IndexWidth width, List<String> columns, Set<String> digested) {
        Set<String> out = new java.util.HashSet<>(digested);
        List<String> widest = columns.stream().filter(c -> !c.equals("tenant_id") && !out.contains(c) && width.digestible(c))
                .sorted(java.util.Comparator.<String>comparingInt(width::of).reversed()).toList();
        for (String column : widest) {
            if (width.fits(columns, out)) {
                break;
            }
            out.add(column);
        }
        return out;
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
                .filter(f -> !(f.type() instanceof FieldType.MultiDictionary) && !(f.type() instanceof FieldType.Json) && !longText(f))
                .map(FieldDescriptor::column);
    }

    /** Whether a value of the field may be too long for a b-tree entry. */
    public static boolean longText(FieldDescriptor field) {
        FieldType type = field.type();
        return type instanceof FieldType.LongText || type instanceof FieldType.Url
                || type instanceof FieldType.Text t && t.maxLength() > MAX_BTREE_TEXT;
    }

    /**
     * Indexes the engine may have created for the entity's fields in an earlier version or under
     * earlier rules (a b-tree over long text) that the entity no longer wants: dropping them keeps an
     * index from refusing writes the catalog allows, or keeping a uniqueness it no longer declares.
     */
    static List<String> formerFieldIndexes(EntityDescriptor entity, List<IndexSpec> wanted) {
        Set<String> keep = new java.util.HashSet<>();
        wanted.forEach(w -> keep.add(w.name()));
        List<String> out = new ArrayList<>();
        for (FieldDescriptor field : entity.fields()) {
            if (field.custom()) {
                continue;
            }
            for (String suffix : List.of("idx", "key", "gin", "hash")) {
                String candidate = name(entity.table(), suffix.equals("key") ? field.columns() : List.of(field.column()), suffix);
                if (!keep.contains(candidate) && !out.contains(candidate)) {
                    out.add(candidate);
                }
            }
        }
        defaultSortIndex(entity).map(IndexSpec::name).filter(n -> !keep.contains(n) && !out.contains(n)).ifPresent(out::add);
        return out;
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
        return shortened(table + "_" + String.join("_", columns) + "_" + suffix, suffix);
    }

    /** A table's own constraint ({@code partner_pkey}), shortened like index names when the table name is long. */
    public static String constraintName(String table, String suffix) {
        return shortened(table + "_" + suffix, suffix);
    }

    /**
     * {@code full} when it fits PostgreSQL's 63 bytes, else its beginning, a checksum of all of it and
     * the suffix: every name the engine derives stays a valid, distinct identifier whatever the manifest's names.
     */
    public static String shortened(String full, String suffix) {
        if (full.length() <= MAX_NAME) {
            return full;
        }
        CRC32 crc = new CRC32();
        crc.update(full.getBytes(StandardCharsets.UTF_8));
        String hash = String.format("%08x", crc.getValue());
        int keep = MAX_NAME - suffix.length() - hash.length() - 2;
        return keep < 1 ? full.substring(0, MAX_NAME - hash.length() - 1) + "_" + hash
                : full.substring(0, keep) + "_" + hash + "_" + suffix;
    }
}
