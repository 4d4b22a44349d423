package io.prmos.metadata.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.metadata.model.FieldDef;
import io.prmos.metadata.model.FieldType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Compares one field present in both versions (possibly renamed) and records what changed, in a fixed order. */
final class FieldDiff {

    private final Findings findings;
    /** Entities renamed in this comparison, candidate name → installed name, so a reference may follow a rename. */
    private final Map<String, String> entityRenames;

    FieldDiff(Findings findings, Map<String, String> entityRenames) {
        this.findings = findings;
        this.entityRenames = entityRenames;
    }

    void compare(String target, FieldDef before, FieldDef after) {
        compareType(target, before.type(), after.type());
        compareRequired(target, before, after);
        compareUnique(target, before, after);
        if (!sameJson(before.defaultValue(), after.defaultValue())) {
            findings.additive(ChangeKind.FIELD_DEFAULT_CHANGED, target, "default " + shown(before.defaultValue())
                    + " → " + shown(after.defaultValue()) + "; applies to records written from now on");
        }
        if (before.filterable() != after.filterable() || before.sortable() != after.sortable()) {
            findings.additive(ChangeKind.FIELD_INDEXING_CHANGED, target, "filterable " + before.filterable() + " → "
                    + after.filterable() + ", sortable " + before.sortable() + " → " + after.sortable() + "; derived indexes change");
        }
        List<String> validation = validationChanges(before, after);
        if (!validation.isEmpty()) {
            findings.additive(ChangeKind.FIELD_VALIDATION_CHANGED, target, String.join(", ", validation)
                    + " changed; stored values are kept and checked on their next update");
        }
        List<String> cosmetic = cosmeticChanges(before, after);
        if (!cosmetic.isEmpty()) {
            findings.cosmetic(target, String.join(", ", cosmetic) + " changed");
        }
    }

    /** A field added to an entity that already has records: required needs a default to fill them. */
    void added(String target, FieldDef field) {
        String type = TypeChange.describe(field.type());
        if (!field.required()) {
            findings.additive(ChangeKind.FIELD_ADDED, target, "new " + type + " field");
        } else if (field.defaultValue().isPresent()) {
            findings.additive(ChangeKind.FIELD_ADDED, target, "new required " + type + " field; existing records get the default "
                    + field.defaultValue().get());
        } else {
            findings.refused(ChangeKind.FIELD_ADDED, target, "new required " + type + " field without a default",
                    "field " + target + " was added as required without a default: existing records would have no value;"
                            + " add `default: <value>` to fill them, or leave it optional");
        }
    }

    private void compareType(String target, FieldType before, FieldType after) {
        if (before instanceof FieldType.Reference a && after instanceof FieldType.Reference b) {
            compareReference(target, a, b);
            return;
        }
        String change = TypeChange.describe(before) + " → " + TypeChange.describe(after);
        TypeChange.Direction direction = TypeChange.of(before, after);
        if (direction == TypeChange.Direction.WIDENED) {
            findings.additive(ChangeKind.FIELD_TYPE_WIDENED, target, change);
        } else if (direction == TypeChange.Direction.NARROWED) {
            findings.refused(ChangeKind.FIELD_TYPE_NARROWED, target, change + "; stored values may not fit",
                    "field " + target + " changes type from " + TypeChange.describe(before) + " to " + TypeChange.describe(after)
                            + ", which may lose data and cannot be acknowledged: keep the old type, or add a new field and drop this one");
        }
    }

    private void compareReference(String target, FieldType.Reference before, FieldType.Reference after) {
        boolean sameTarget = before.target().equals(after.target())
                || before.target().equals(entityRenames.get(after.target()));
        if (!sameTarget) {
            findings.refused(ChangeKind.REFERENCE_TARGET_CHANGED, target, "references " + after.target() + " instead of " + before.target(),
                    "field " + target + " now references " + after.target() + " instead of " + before.target()
                            + ": stored ids point at " + before.target() + " records and cannot be converted; add a new reference field and drop this one");
        }
        if (before.onDelete() != after.onDelete()) {
            findings.additive(ChangeKind.REFERENCE_ON_DELETE_CHANGED, target, "onDelete " + before.onDelete() + " → " + after.onDelete());
        }
    }

    private void compareRequired(String target, FieldDef before, FieldDef after) {
        if (!before.required() && after.required()) {
            if (after.defaultValue().isPresent()) {
                findings.additive(ChangeKind.FIELD_MADE_REQUIRED, target, "required; existing records without a value get the default "
                        + after.defaultValue().get());
            } else {
                findings.refused(ChangeKind.FIELD_MADE_REQUIRED, target, "required, without a default to fill existing records",
                        "field " + target + " was made required without a default: existing records may have no value;"
                                + " add `default: <value>` to back-fill them, or leave it optional");
            }
        } else if (before.required() && !after.required()) {
            findings.additive(ChangeKind.FIELD_MADE_OPTIONAL, target, "no longer required");
        }
    }

    private void compareUnique(String target, FieldDef before, FieldDef after) {
        if (!before.unique() && after.unique()) {
            findings.majorOnly(ChangeKind.FIELD_MADE_UNIQUE, target,
                    "unique; publishing fails if existing records hold duplicate values");
        } else if (before.unique() && !after.unique()) {
            findings.additive(ChangeKind.FIELD_UNIQUE_REMOVED, target, "no longer unique");
        }
    }

    private static List<String> validationChanges(FieldDef before, FieldDef after) {
        List<String> changed = new ArrayList<>();
        if (!sameNumber(before.min(), after.min())) changed.add("min");
        if (!sameNumber(before.max(), after.max())) changed.add("max");
        if (!before.minLength().equals(after.minLength())) changed.add("minLength");
        // for text, maxLength is the column size and is compared as part of the type
        boolean text = before.type() instanceof FieldType.Text || after.type() instanceof FieldType.Text;
        if (!text && !before.maxLength().equals(after.maxLength())) changed.add("maxLength");
        if (!before.pattern().equals(after.pattern())) changed.add("pattern");
        if (before.type() instanceof FieldType.Money a && after.type() instanceof FieldType.Money b
                && !a.currencies().equals(b.currencies())) {
            changed.add("currencies");
        }
        return changed;
    }

    private static List<String> cosmeticChanges(FieldDef before, FieldDef after) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(before.label(), after.label())) changed.add("label");
        if (!Objects.equals(before.description(), after.description())) changed.add("description");
        if (before.readOnly() != after.readOnly()) changed.add("readOnly");
        if (before.searchable() != after.searchable()) changed.add("searchable");
        return changed;
    }

    private static boolean sameNumber(Optional<java.math.BigDecimal> a, Optional<java.math.BigDecimal> b) {
        if (a.isPresent() && b.isPresent()) {
            return a.get().compareTo(b.get()) == 0;
        }
        return a.isEmpty() && b.isEmpty();
    }

    private static boolean sameJson(Optional<JsonNode> a, Optional<JsonNode> b) {
        return a.equals(b);
    }

    private static String shown(Optional<JsonNode> value) {
        return value.map(JsonNode::toString).orElse("none");
    }
}
