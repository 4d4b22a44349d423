package io.prmos.engine.query;

import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.filter.FieldPath;
import io.prmos.metadata.filter.FilterParser;
import io.prmos.metadata.filter.FilterSyntaxException;
import io.prmos.metadata.filter.SortKey;
import io.prmos.metadata.filter.SortParser;
import io.prmos.metadata.model.FieldType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Turns the query parameters of a list request into a {@link ListQuery} checked against the entity. */
public final class ListQueryParser {

    private static final List<SortKey> NEWEST_FIRST = List.of(new SortKey(FieldPath.of("created_at"), true));

    /**
     * Manifests' default sorts, parsed once: keyed by the sort text itself (not by entity), so a
     * republished catalog with the same sort shares the entry and a changed one gets its own.
     */
    private static final java.util.Map<List<String>, List<SortKey>> DEFAULT_SORTS = new java.util.concurrent.ConcurrentHashMap<>();

    private ListQueryParser() {
    }

    /**
     * @param visible the fields the caller may see; the others do not exist for this query, so
     *                filtering, sorting or projecting on them is an unknown-field error
     */
    public static ListQuery parse(EntityDescriptor entity, Set<String> visible, String filter, String sort, String limit,
                                  String cursor, String fields, String total) {
        return parse(entity, visible, filter, sort, limit, cursor, fields, total, null);
    }

    /** As above, with {@code deleted=exclude|include|only} (default exclude). */
    public static ListQuery parse(EntityDescriptor entity, Set<String> visible, String filter, String sort, String limit,
                                  String cursor, String fields, String total, String deleted) {
        ListQuery.Deleted deletedRows = deleted(deleted);
        Optional<BoundFilter> bound = Optional.empty();
        if (filter != null && !filter.isBlank()) {
            try {
                bound = Optional.of(FilterBinder.bind(entity, FilterParser.parse(filter), visible));
            } catch (FilterSyntaxException e) {
                throw new QueryException("filter", e.getMessage(), e.position());
            }
        }
        List<SortColumn> order = sort(entity, visible, sort);
        String signature = Integer.toHexString((String.valueOf(sort) + "|" + String.valueOf(filter)).hashCode());
        Optional<List<Object>> after = cursor == null || cursor.isBlank() ? Optional.empty()
                : Optional.of(CursorCodec.decode(cursor, signature, order));
        return new ListQuery(bound, order, limit(limit), after, projection(entity, visible, fields), total(total), signature,
                deletedRows);
    }

    private static ListQuery.Deleted deleted(String text) {
        if (text == null || text.isBlank()) {
            return ListQuery.Deleted.EXCLUDE;
        }
        return switch (text) {
            case "exclude" -> ListQuery.Deleted.EXCLUDE;
            case "include" -> ListQuery.Deleted.INCLUDE;
            case "only" -> ListQuery.Deleted.ONLY;
            default -> throw new QueryException("deleted", "deleted must be exclude, include or only, not '" + text + "'");
        };
    }

    private static List<SortColumn> sort(EntityDescriptor entity, Set<String> visible, String text) {
        List<SortKey> keys;
        // the manifest's default sort is the module author's choice; `sortable` governs what callers may ask for
        boolean asked = text != null && !text.isBlank();
        try {
            keys = !asked ? defaultSort(entity).stream()
                    .filter(k -> SystemFields.lookupVisible(entity, k.field().field(), visible).isPresent()).toList()
                    : SortParser.parse(text);
        } catch (FilterSyntaxException e) {
            throw new QueryException("sort", e.getMessage(), e.position());
        }
        List<SortColumn> columns = new ArrayList<>();
        for (SortKey key : keys) {
            FieldDescriptor field = SystemFields.lookupVisible(entity, key.field().field(), visible)
                    .orElseThrow(() -> new QueryException("sort", "unknown field '" + key.field().field() + "' of " + entity.qualifiedName()));
            if (asked && !field.def().sortable()) {
                throw new QueryException("sort", "field '" + key.field().field() + "' is not sortable");
            }
            FilterBinder.Target target = FilterBinder.resolve(field, key.field(), "sort");
            if (target.array()) {
                throw new QueryException("sort", "field '" + key.field() + "' holds several values and cannot be sorted");
            }
            if (columns.stream().noneMatch(c -> c.column().equals(target.column()))) {
                columns.add(new SortColumn(target.column(), key.descending(), target.valueType()));
            }
        }
        if (columns.stream().noneMatch(c -> c.column().equals("id"))) {
            boolean lastDescending = !columns.isEmpty() && columns.get(columns.size() - 1).descending();
            columns.add(new SortColumn("id", lastDescending, new FieldType.UuidType()));
        }
        return columns;
    }

    private static List<SortKey> defaultSort(EntityDescriptor entity) {
        if (entity.defaultSort().isEmpty()) {
            return NEWEST_FIRST;
        }
        List<SortKey> known = DEFAULT_SORTS.get(entity.defaultSort());
        if (known == null) {
            known = List.copyOf(SortParser.parse(String.join(",", entity.defaultSort())));
            if (DEFAULT_SORTS.size() < 1024) {
                DEFAULT_SORTS.put(entity.defaultSort(), known);
            }
        }
        return known;
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return ListQuery.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit < 1 || limit > ListQuery.MAX_LIMIT) {
                throw new NumberFormatException();
            }
            return limit;
        } catch (NumberFormatException e) {
            throw new QueryException("limit", "limit must be a whole number from 1 to " + ListQuery.MAX_LIMIT);
        }
    }

    private static Optional<Set<String>> projection(EntityDescriptor entity, Set<String> visible, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Set<String> names = new LinkedHashSet<>();
        for (String raw : text.split(",")) {
            String name = raw.trim();
            if (name.equals("urn")) {
                continue; // every record carries its URN (and its public id): asking for it is fine, and changes nothing
            }
            if (SystemFields.lookupVisible(entity, name, visible).isEmpty()) {
                throw new QueryException("fields", "unknown field '" + name + "' of " + entity.qualifiedName());
            }
            names.add(name);
        }
        return Optional.of(Set.copyOf(names));
    }

    private static ListQuery.Total total(String text) {
        if (text == null || text.isBlank() || text.equals("none")) {
            return ListQuery.Total.NONE;
        }
        return switch (text) {
            case "exact" -> ListQuery.Total.EXACT;
            case "estimate", "estimated" -> ListQuery.Total.ESTIMATE;
            default -> throw new QueryException("total", "total must be exact or estimate");
        };
    }
}
