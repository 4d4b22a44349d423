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

    /**
     * One value of the picklist.
     *
     * @param color optional name of a colour of the design system's palette ({@link #COLORS}) in which
     *              the value's badge is shown; null = neutral grey
     */
    public record Value(String code, String label, String color) {

        public Value(String code, String label) {
            this(code, label, null);
        }
    }

    /** The colours a value may name: the design system's palette, so contrast stays the theme's business. */
    public static final List<String> COLORS = List.of(
            "gray", "red", "pink", "grape", "violet", "indigo", "blue", "cyan", "teal", "green", "lime", "yellow", "orange");

    public boolean hasCode(String code) {
        return values.stream().anyMatch(v -> v.code().equals(code));
    }
}
