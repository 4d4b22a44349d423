package io.prmos.metadata.check;

import io.prmos.metadata.load.Pointer;
import io.prmos.metadata.model.DictionaryDef;
import io.prmos.metadata.model.EntityDef;
import io.prmos.metadata.model.FieldDef;
import io.prmos.metadata.model.Manifest;
import io.prmos.metadata.model.MigrationDirective;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rules on how a manifest describes its own evolution: a {@code renamedFrom} names something this
 * manifest no longer declares, and a drop names something that is really gone. Whether the old name
 * existed in the installed version is the publish diff's business, not the checker's.
 */
final class MigrationRules {

    private MigrationRules() {
    }

    static void check(ModuleContext context) {
        checkEntityRenames(context);
        for (EntityDef entity : context.manifest().entities().values()) {
            checkFieldRenames(context, entity);
        }
        List<MigrationDirective> migrations = context.manifest().migrations();
        for (int i = 0; i < migrations.size(); i++) {
            checkDrop(context, migrations.get(i), Pointer.of("migrations", String.valueOf(i), "drop"));
        }
    }

    private static void checkEntityRenames(ModuleContext context) {
        Map<String, String> claimed = new HashMap<>();
        for (EntityDef entity : context.manifest().entities().values()) {
            if (entity.renamedFrom().isEmpty()) {
                continue;
            }
            String old = entity.renamedFrom().get();
            String pointer = Pointer.of("entities", entity.name(), "renamedFrom");
            if (context.manifest().entities().containsKey(old)) {
                context.atValue(pointer, "entity '" + entity.name() + "' is renamed from '" + old
                        + "', but this manifest still declares entity '" + old + "'");
            }
            String other = claimed.putIfAbsent(old, entity.name());
            if (other != null) {
                context.atValue(pointer, "entities '" + other + "' and '" + entity.name() + "' are both renamed from '" + old + "'");
            }
        }
    }

    private static void checkFieldRenames(ModuleContext context, EntityDef entity) {
        Map<String, String> claimed = new HashMap<>();
        for (FieldDef field : entity.fields().values()) {
            if (field.renamedFrom().isEmpty()) {
                continue;
            }
            String old = field.renamedFrom().get();
            String pointer = Pointer.of("entities", entity.name(), "fields", field.name(), "renamedFrom");
            if (entity.fields().containsKey(old)) {
                context.atValue(pointer, "field '" + field.name() + "' is renamed from '" + old
                        + "', but entity '" + entity.name() + "' still declares field '" + old + "'");
            }
            String other = claimed.putIfAbsent(old, field.name());
            if (other != null) {
                context.atValue(pointer, "fields '" + other + "' and '" + field.name() + "' of entity '"
                        + entity.name() + "' are both renamed from '" + old + "'");
            }
        }
    }

    private static void checkDrop(ModuleContext context, MigrationDirective directive, String pointer) {
        stillDeclared(context.manifest(), directive).ifPresent(what -> context.atValue(pointer,
                "the drop names " + what + ", which this manifest still declares; remove the drop or the declaration"));
    }

    /** What the drop names, when this manifest still has it. */
    private static Optional<String> stillDeclared(Manifest manifest, MigrationDirective directive) {
        if (directive instanceof MigrationDirective.DropEntity drop) {
            return manifest.entities().containsKey(drop.entity())
                    ? Optional.of("entity '" + drop.entity() + "'") : Optional.empty();
        }
        if (directive instanceof MigrationDirective.DropField drop) {
            EntityDef entity = manifest.entities().get(drop.entity());
            return entity != null && entity.fields().containsKey(drop.field())
                    ? Optional.of("field '" + drop.entity() + "." + drop.field() + "'") : Optional.empty();
        }
        if (directive instanceof MigrationDirective.DropDictionary drop) {
            return manifest.dictionaries().containsKey(drop.dictionary())
                    ? Optional.of("dictionary '" + drop.dictionary() + "'") : Optional.empty();
        }
        if (directive instanceof MigrationDirective.DropDictionaryValue drop) {
            DictionaryDef dictionary = manifest.dictionaries().get(drop.dictionary());
            return dictionary != null && dictionary.hasCode(drop.value())
                    ? Optional.of("value '" + drop.value() + "' of dictionary '" + drop.dictionary() + "'") : Optional.empty();
        }
        throw new IllegalStateException("unknown directive " + directive);
    }
}
