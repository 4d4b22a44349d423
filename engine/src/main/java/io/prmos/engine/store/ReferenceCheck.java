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
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Cross-module references have no foreign key (modules are installed independently), so the
 * kernel checks, inside the write's transaction, that the target is a live record of the
 * caller's tenant. Same-module references are guarded by composite foreign keys instead.
 */
final class ReferenceCheck {

    private ReferenceCheck() {
    }

    static Uni<Void> verify(SqlConnection c, Caller caller, Catalog catalog, EntityDescriptor entity,
                            Map<FieldDescriptor, Object> values, String pointerPrefix, KernelTenantFilter tenantFilter) {
        Uni<List<Violation>> chain = Uni.createFrom().item(new ArrayList<>());
        for (Map.Entry<FieldDescriptor, Object> entry : values.entrySet()) {
            FieldDescriptor field = entry.getKey();
            if (entry.getValue() instanceof UUID id && field.type() instanceof FieldType.Reference ref && ref.crossModule()) {
                EntityDescriptor target = catalog.target(entity.module(), ref);
                Params params = new Params();
                String sql = "SELECT 1 FROM " + qualified(target.schema(), target.table()) + " WHERE "
                        + tenantFilter.condition(params, caller) + " AND " + quote("id") + " = " + params.add(id)
                        + " AND " + quote("deleted_at") + " IS NULL";
                chain = chain.flatMap(found -> c.preparedQuery(sql).execute(params.tuple()).map(rows -> {
                    if (rows.size() == 0) {
                        found.add(new Violation(pointerPrefix + "/" + field.name(), "reference",
                                "no " + target.qualifiedName() + " with id " + id));
                    }
                    return found;
                }));
            }
        }
        return chain.map(found -> {
            if (!found.isEmpty()) {
                throw new ValidationException(found);
            }
            return null;
        });
    }
}
