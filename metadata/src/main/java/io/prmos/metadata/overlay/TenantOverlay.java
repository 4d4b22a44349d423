package io.prmos.metadata.overlay;

import io.prmos.metadata.model.DictionaryDef;
import java.util.List;
import java.util.Map;

/**
 * Everything one tenant changed on top of the installed modules. Immutable; the engine replaces a
 * tenant's overlay as a whole when an admin changes it.
 *
 * @param revision     grows with every change, so a compiled view can tell whether it is stale
 * @param fields       custom fields in the order they were added
 * @param dictionaries the effective values of extensible dictionaries, keyed {@code module.dictionary}:
 *                     the values new writes may use, in display order (deactivated ones left out)
 */
public record TenantOverlay(String tenant, long revision, List<CustomField> fields,
                            Map<String, List<DictionaryDef.Value>> dictionaries) {

    public TenantOverlay {
        fields = List.copyOf(fields);
        dictionaries = Map.copyOf(dictionaries);
    }

    public static TenantOverlay empty(String tenant) {
        return new TenantOverlay(tenant, 0, List.of(), Map.of());
    }

    public boolean isEmpty() {
        return fields.isEmpty() && dictionaries.isEmpty();
    }

    public boolean touches(String module) {
        return fields.stream().anyMatch(f -> f.module().equals(module))
                || dictionaries.keySet().stream().anyMatch(k -> k.startsWith(module + "."));
    }
}
