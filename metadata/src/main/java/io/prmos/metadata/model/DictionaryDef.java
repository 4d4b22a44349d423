package io.prmos.metadata.model;

import java.util.List;

/**
 * A picklist: ordered values with stable codes and human labels.
 *
 * @param extensible whether tenant admins may add values, relabel, reorder and deactivate them at
 *                   run time (the tenant's effective dictionary; see docs/custom-fields.md)
 */
public record DictionaryDef(String name, String label, List<Value> values, boolean extensible) {

    public DictionaryDef(String name, String label, List<Value> values) {
        this(name, label, values, false);
    }

    public record Value(String code, String label) {
    }

    public boolean hasCode(String code) {
        return values.stream().anyMatch(v -> v.code().equals(code));
    }
}
