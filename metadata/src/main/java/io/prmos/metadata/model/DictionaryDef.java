package io.prmos.metadata.model;

import java.util.List;

/** A picklist: ordered values with stable codes and human labels. */
public record DictionaryDef(String name, String label, List<Value> values) {

    public record Value(String code, String label) {
    }

    public boolean hasCode(String code) {
        return values.stream().anyMatch(v -> v.code().equals(code));
    }
}
