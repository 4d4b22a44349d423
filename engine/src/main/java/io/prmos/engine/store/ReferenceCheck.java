package io.prmos.engine.store;

import static io.prmos.engine.sql.SqlIdentifier.qualified;
import static io.prmos.engine.sql.SqlIdentifier.quote;

import io.prmos.engine.security.Caller;
import io.prmos.engine.validation.ValidationException;
import io.prmos.engine.validation.Violation;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.model.FieldType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Cross-module references have no foreign key (modules are installed independently), so the
 * kernel checks, inside the write's transaction and under its row-level security, that the target
 * is a live record of the caller's tenant. Same-module references are guarded by composite foreign
 * keys instead. The records of a write are checked together: one query per reference field, whatever
 * the number of records, all sent at once.
 */
final class ReferenceCheck {

    private ReferenceCheck() {
    }

    static Uni<Void> verify(SqlConnection c, Caller caller, Catalog catalog, EntityDescriptor entity,
                            Map<FieldDescriptor, Object> values, String pointerPrefix, KernelTenantFilter tenantFilter) {
        return verify(c, caller, catalog, entity, List.of(values), List.of(pointerPrefix), tenantFilter);
    }

    /** {@code pointers.get(i)} is the JSON pointer prefix of {@code records.get(i)}; violations come in record order. */
    static Uni<Void> verify(SqlConnection c, Caller caller, Catalog catalog, EntityDescriptor entity,
                            List<Map<FieldDescriptor, Object>> records, List<String> pointers, KernelTenantFilter tenantFilter) {
        Map<FieldDescriptor, Set<UUID>> wanted = new LinkedHashMap<>();
        for (Map<FieldDescriptor, Object> values : records) {
            values.forEach((field, value) -> {
                if (checked(field, value)) {
                    wanted.computeIfAbsent(field, f -> new LinkedHashSet<>()).add((UUID) value);
                }
            });
        }
        if (wanted.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<FieldDescriptor> fields = new ArrayList<>(wanted.keySet());
        List<Uni<Set<UUID>>> lookups = new ArrayList<>();
        for (FieldDescriptor field : fields) {
            EntityDescriptor target = catalog.target(entity.module(), (FieldType.Reference) field.type());
            Params params = new Params();
            String sql = "SELECT " + quote("id") + " FROM " + qualified(target.schema(), target.table()) + " WHERE "
                    + tenantFilter.condition(params, caller) + " AND " + quote("id") + " = ANY("
                    + params.add(wanted.get(field).toArray(UUID[]::new)) + ") AND " + quote("deleted_at") + " IS NULL";
            lookups.add(c.preparedQuery(sql).execute(params.tuple()).map(rows -> {
                Set<UUID> found = new HashSet<>();
                for (Row row : rows) {
                    found.add(row.getUUID(0));
                }
                return found;
            }));
        }
        return Uni.combine().all().unis(lookups).with(results -> {
            Map<FieldDescriptor, Set<UUID>> found = new LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                found.put(fields.get(i), (Set<UUID>) results.get(i));
            }
            List<Violation> missing = missing(catalog, entity, records, pointers, found);
            if (!missing.isEmpty()) {
                throw new ValidationException(missing);
            }
            return null;
        }).replaceWithVoid();
    }

    /** Whether {@code values} name a record the kernel must look up (a cross-module reference). */
    static boolean needed(Map<FieldDescriptor, Object> values) {
        for (Map.Entry<FieldDescriptor, Object> entry : values.entrySet()) {
            if (checked(entry.getKey(), entry.getValue())) {
                return true;
            }
        }
        return false;
    }

    private static boolean checked(FieldDescriptor field, Object value) {
        return value instanceof UUID && field.type() instanceof FieldType.Reference ref && ref.crossModule();
    }

    private static List<Violation> missing(Catalog catalog, EntityDescriptor entity, List<Map<FieldDescriptor, Object>> records,
                                           List<String> pointers, Map<FieldDescriptor, Set<UUID>> found) {
        List<Violation> missing = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            for (Map.Entry<FieldDescriptor, Object> entry : records.get(i).entrySet()) {
                FieldDescriptor field = entry.getKey();
                if (checked(field, entry.getValue()) && !found.get(field).contains(entry.getValue())) {
                    EntityDescriptor target = catalog.target(entity.module(), (FieldType.Reference) field.type());
                    missing.add(new Violation(pointers.get(i) + "/" + field.name(), "reference",
                            "no " + target.qualifiedName() + " with id " + entry.getValue()));
                }
            }
        }
        return missing;
    }
}
