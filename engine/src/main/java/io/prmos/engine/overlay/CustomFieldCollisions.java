package io.prmos.engine.overlay;

import io.prmos.engine.registry.PublishException;
import io.prmos.engine.schema.OverlayRows;
import io.prmos.engine.schema.OverlayRows.StoredField;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Refuses a module version that declares a field with the name of a custom field some tenant added
 * to the same entity: the two would share one name in the API, filters and records. The refusal
 * says how many tenants use the name, never which.
 */
public final class CustomFieldCollisions {

    private CustomFieldCollisions() {
    }

    public static Uni<Void> check(SqlConnection c, Catalog candidate, List<String> modules) {
        Uni<List<String>> refusals = Uni.createFrom().item(new ArrayList<>());
        for (String module : modules) {
            refusals = refusals.flatMap(found -> OverlayRows.fieldsInModule(c, module).map(rows -> {
                found.addAll(refusals(candidate, module, rows));
                return found;
            }));
        }
        return refusals.map(found -> {
            if (!found.isEmpty()) {
                throw PublishException.refused(found);
            }
            return null;
        });
    }

    static List<String> refusals(Catalog candidate, String module, List<StoredField> rows) {
        Map<String, Long> tenantsByField = new TreeMap<>();
        for (StoredField row : rows) {
            EntityDescriptor entity = candidate.module(module).map(m -> m.entitiesByName().get(row.entity())).orElse(null);
            if (entity != null && entity.field(row.name()).isPresent()) {
                tenantsByField.merge(row.entity() + "." + row.name(), 1L, Long::sum);
            }
        }
        List<String> out = new ArrayList<>();
        tenantsByField.forEach((field, tenants) -> out.add("field " + field + " collides with a custom field that " + tenants
                + " tenant(s) added to " + module + "." + field.substring(0, field.indexOf('.'))
                + "; give the module's field another name (custom field names start with cf_)"));
        return out;
    }
}
