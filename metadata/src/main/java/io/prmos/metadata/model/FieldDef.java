package io.prmos.metadata.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * One field of an entity as written in a manifest. {@code defaultValue} stays a JSON value because
 * its meaning depends on the type; the semantic checker verifies it against the type.
 *
 * @param renamedFrom the field's name in an earlier version of the module, so that publishing
 *                    renames the column instead of dropping it and adding a new one
 * @param hierarchy   this self-reference is the entity's parent link (children, ancestors, subtree; no cycles)
 * @param formula     a CEL expression computing the field's value from the record (stored on every write);
 *                    such a field is read-only
 */
public record FieldDef(
        String name,
        FieldType type,
        String label,
        String description,
        boolean required,
        boolean unique,
        boolean readOnly,
        boolean filterable,
        boolean sortable,
        boolean searchable,
        Optional<JsonNode> defaultValue,
        Optional<BigDecimal> min,
        Optional<BigDecimal> max,
        Optional<Integer> minLength,
        Optional<Integer> maxLength,
        Optional<String> pattern,
        Optional<String> renamedFrom,
        boolean hierarchy,
        Optional<String> formula) {

    /** A formula field is computed from the record's other fields (CEL) on every write; nobody sets it. */
    public boolean computed() {
        return formula.isPresent();
    }

    /** This field, read-only (a workflow's state field is read-only to plain updates). */
    public FieldDef asReadOnly() {
        return new FieldDef(name, type, label, description, required, unique, true, filterable, sortable, searchable,
                defaultValue, min, max, minLength, maxLength, pattern, renamedFrom, hierarchy, formula);
    }
}
