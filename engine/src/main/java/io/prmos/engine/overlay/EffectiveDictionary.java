package io.prmos.engine.overlay;

import io.prmos.engine.schema.OverlayRows.StoredValue;
import io.prmos.metadata.model.DictionaryDef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One tenant's view of an extensible dictionary: the module's values with the tenant's labels,
 * order and deactivations applied, followed by the values the tenant added. Values without a
 * position keep the module's order (added ones after them, in code order).
 */
record EffectiveDictionary(String module, DictionaryDef declared, List<Entry> entries) {

    record Entry(String code, String label, boolean active, boolean added, int position) {
    }

    static EffectiveDictionary of(String module, DictionaryDef declared, List<StoredValue> rows) {
        Map<String, StoredValue> byCode = new LinkedHashMap<>();
        rows.stream().filter(r -> r.module().equals(module) && r.dictionary().equals(declared.name()))
                .forEach(r -> byCode.put(r.code(), r));
        List<Entry> entries = new ArrayList<>();
        int natural = 0;
        for (DictionaryDef.Value value : declared.values()) {
            StoredValue row = byCode.remove(value.code());
            entries.add(entry(value.code(), value.label(), row, false, ++natural));
        }
        for (StoredValue row : byCode.values().stream().filter(StoredValue::added).toList()) {
            entries.add(entry(row.code(), row.code(), row, true, ++natural));
        }
        entries.sort(Comparator.comparingInt(Entry::position));
        return new EffectiveDictionary(module, declared, List.copyOf(entries));
    }

    private static Entry entry(String code, String label, StoredValue row, boolean added, int natural) {
        if (row == null) {
            return new Entry(code, label, true, added, natural * 1000);
        }
        return new Entry(code, row.label() != null ? row.label() : label, row.active(), added || row.added(),
                row.position() != null ? row.position() : natural * 1000);
    }

    /** The values new writes may use, in display order. */
    List<DictionaryDef.Value> activeValues() {
        return entries.stream().filter(Entry::active).map(e -> new DictionaryDef.Value(e.code(), e.label(), colorOf(e.code()))).toList();
    }

    /** Tenants relabel and reorder values; the colour stays the module's (added values have none). */
    private String colorOf(String code) {
        return declared.values().stream().filter(v -> v.code().equals(code)).findFirst().map(DictionaryDef.Value::color).orElse(null);
    }

    java.util.Optional<Entry> entry(String code) {
        return entries.stream().filter(e -> e.code().equals(code)).findFirst();
    }

    boolean customised(List<StoredValue> rows) {
        return rows.stream().anyMatch(r -> r.module().equals(module) && r.dictionary().equals(declared.name()));
    }
}
