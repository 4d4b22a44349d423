package io.prmos.metadata.diff;

import io.prmos.metadata.model.EntityDef;
import io.prmos.metadata.model.FieldDef;
import io.prmos.metadata.model.IndexDef;
import io.prmos.metadata.model.Manifest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Pairs the entities and fields of two versions — by name, or by {@code renamedFrom} naming an
 * installed name the candidate no longer uses — and records additions, removals, renames and, for
 * each pair, what changed inside it.
 */
final class EntityDiff {

    private final Manifest installed;
    private final Manifest candidate;
    private final Findings findings;
    private final Directives directives;

    EntityDiff(Manifest installed, Manifest candidate, Findings findings) {
        this.installed = installed;
        this.candidate = candidate;
        this.findings = findings;
        this.directives = new Directives(candidate.migrations());
    }

    void compare() {
        Map<String, String> pairs = pairEntities();
        Map<String, String> renames = new LinkedHashMap<>();
        pairs.forEach((now, before) -> {
            if (!now.equals(before)) {
                renames.put(now, before);
            }
        });
        FieldDiff fields = new FieldDiff(findings, renames);
        for (EntityDef entity : candidate.entities().values()) {
            String before = pairs.get(entity.name());
            if (before == null) {
                added(findings, entity);
            } else {
                compareEntity(installed.entities().get(before), entity, fields);
            }
        }
        for (EntityDef entity : installed.entities().values()) {
            if (!pairs.containsValue(entity.name())) {
                removed(entity.name());
            }
        }
    }

    static void added(Findings findings, EntityDef entity) {
        findings.additive(ChangeKind.ENTITY_ADDED, entity.name(), "new entity with " + entity.fields().size() + " field(s)");
    }

    /** Candidate entity name → installed entity name, for every candidate entity that existed before. */
    private Map<String, String> pairEntities() {
        Map<String, String> pairs = new LinkedHashMap<>();
        Set<String> claimed = new HashSet<>();
        for (EntityDef entity : candidate.entities().values()) {
            Optional<String> before = counterpart(entity.name(), entity.renamedFrom(),
                    installed.entities().keySet(), candidate.entities().keySet(), claimed);
            before.ifPresent(name -> pairs.put(entity.name(), name));
        }
        return pairs;
    }

    /** The installed name a candidate element continues: its own, or an old name nobody else uses now. */
    static Optional<String> counterpart(String name, Optional<String> renamedFrom, Set<String> installedNames,
                                        Set<String> candidateNames, Set<String> claimed) {
        if (installedNames.contains(name) && claimed.add(name)) {
            return Optional.of(name);
        }
        if (renamedFrom.isPresent() && installedNames.contains(renamedFrom.get())
                && !candidateNames.contains(renamedFrom.get()) && claimed.add(renamedFrom.get())) {
            return renamedFrom;
        }
        return Optional.empty();
    }

    private void removed(String entity) {
        if (directives.dropsEntity(entity)) {
            findings.acknowledged(ChangeKind.ENTITY_REMOVED, entity, "entity and its records are dropped");
        } else {
            findings.refused(ChangeKind.ENTITY_REMOVED, entity, "entity and its records would be dropped",
                    "entity " + entity + " was removed: " + Directives.dropEntity(entity));
        }
    }

    private void compareEntity(EntityDef before, EntityDef after, FieldDiff fields) {
        String name = after.name();
        if (!before.name().equals(name)) {
            findings.acknowledged(ChangeKind.ENTITY_RENAMED, name, "renamed from " + before.name() + "; its table is renamed");
        }
        List<String> cosmetic = cosmeticChanges(before, after);
        if (!cosmetic.isEmpty()) {
            findings.cosmetic(name, String.join(", ", cosmetic) + " changed");
        }
        compareFields(before, after, fields);
        compareIndexes(before, after);
    }

    private void compareFields(EntityDef before, EntityDef after, FieldDiff fields) {
        Set<String> claimed = new HashSet<>();
        for (FieldDef field : after.fields().values()) {
            String target = after.name() + "." + field.name();
            Optional<String> old = counterpart(field.name(), field.renamedFrom(), before.fields().keySet(),
                    after.fields().keySet(), claimed);
            if (old.isEmpty()) {
                fields.added(target, field);
                continue;
            }
            if (!old.get().equals(field.name())) {
                findings.acknowledged(ChangeKind.FIELD_RENAMED, target, "renamed from " + old.get() + "; its column is renamed");
            }
            fields.compare(target, before.fields().get(old.get()), field);
        }
        for (FieldDef field : before.fields().values()) {
            if (!claimed.contains(field.name())) {
                fieldRemoved(before.name(), after.name(), field.name());
            }
        }
    }

    private void fieldRemoved(String installedEntity, String entity, String field) {
        String target = entity + "." + field;
        if (directives.dropsField(installedEntity, entity, field)) {
            findings.acknowledged(ChangeKind.FIELD_REMOVED, target, "column and its values are dropped");
        } else {
            findings.refused(ChangeKind.FIELD_REMOVED, target, "column and its values would be dropped",
                    "field " + target + " was removed: " + Directives.dropField(entity, field));
        }
    }

    /** Indexes are matched by name; a declared index whose definition changed is removed and added again. */
    private void compareIndexes(EntityDef before, EntityDef after) {
        Map<String, IndexDef> old = byName(before.indexes());
        Map<String, IndexDef> now = byName(after.indexes());
        for (IndexDef index : before.indexes()) {
            if (!index.equals(now.get(index.name()))) {
                findings.additive(ChangeKind.INDEX_REMOVED, indexTarget(after, index), "index on " + index.fields() + " dropped");
            }
        }
        for (IndexDef index : after.indexes()) {
            if (index.equals(old.get(index.name()))) {
                continue;
            }
            String target = indexTarget(after, index);
            if (index.unique()) {
                findings.majorOnly(ChangeKind.INDEX_ADDED, target, "unique index on " + index.fields()
                        + "; publishing fails if existing records hold duplicates");
            } else {
                findings.additive(ChangeKind.INDEX_ADDED, target, "index on " + index.fields());
            }
        }
    }

    private static String indexTarget(EntityDef entity, IndexDef index) {
        return entity.name() + ".indexes." + index.name();
    }

    private static Map<String, IndexDef> byName(List<IndexDef> indexes) {
        Map<String, IndexDef> out = new LinkedHashMap<>();
        indexes.forEach(index -> out.put(index.name(), index));
        return out;
    }

    private static List<String> cosmeticChanges(EntityDef before, EntityDef after) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(before.label(), after.label())) changed.add("label");
        if (!Objects.equals(before.pluralLabel(), after.pluralLabel())) changed.add("pluralLabel");
        if (!Objects.equals(before.description(), after.description())) changed.add("description");
        if (!Objects.equals(before.display(), after.display())) changed.add("display");
        if (!before.ui().equals(after.ui())) changed.add("ui");
        return changed;
    }
}
