package io.prmos.metadata.check;

import io.prmos.metadata.load.Pointer;
import io.prmos.metadata.model.DictionaryDef;
import io.prmos.metadata.model.EntityDef;
import io.prmos.metadata.model.IndexDef;
import io.prmos.metadata.naming.Names;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Module-wide rules: the module name, dictionaries, table and index name uniqueness. */
final class ModuleRules {

    private ModuleRules() {
    }

    static void check(ModuleContext context) {
        NameRules.identifier(context.manifest().module(), "module name")
                .ifPresent(message -> context.atValue(Pointer.of("module"), message));
        context.manifest().dictionaries().values().forEach(dictionary -> checkDictionary(context, dictionary));
        checkTableNames(context);
        checkIndexNames(context);
    }

    private static void checkDictionary(ModuleContext context, DictionaryDef dictionary) {
        String pointer = Pointer.of("dictionaries", dictionary.name());
        NameRules.identifier(dictionary.name(), "dictionary name").ifPresent(m -> context.atKey(pointer, m));
        if (dictionary.values().isEmpty()) {
            context.atValue(pointer, "dictionary '" + dictionary.name() + "' has no values");
        }
        Set<String> seen = new HashSet<>();
        List<DictionaryDef.Value> values = dictionary.values();
        for (int i = 0; i < values.size(); i++) {
            String code = values.get(i).code();
            String codePointer = codePointer(context, pointer, i);
            NameRules.identifier(code, "dictionary code").ifPresent(m -> context.atValue(codePointer, m));
            if (!seen.add(code)) {
                context.atValue(codePointer, "duplicate code '" + code + "' in dictionary '" + dictionary.name() + "'");
            }
        }
    }

    /** Codes are written either as {@code values: [{code: ...}]} or as a plain list. */
    private static String codePointer(ModuleContext context, String dictionaryPointer, int index) {
        String full = Pointer.append(Pointer.append(Pointer.append(dictionaryPointer, "values"), index), "code");
        return context.loaded().sourceMap().contains(full) ? full : Pointer.append(dictionaryPointer, index);
    }

    private static void checkTableNames(ModuleContext context) {
        Map<String, String> tables = new HashMap<>();
        for (EntityDef entity : context.manifest().entities().values()) {
            String table = Names.snakeCase(entity.name());
            String other = tables.putIfAbsent(table, entity.name());
            if (other != null) {
                context.atKey(Pointer.of("entities", entity.name()), "entities '" + other + "' and '"
                        + entity.name() + "' both map to table '" + table + "'");
            }
        }
    }

    private static void checkIndexNames(ModuleContext context) {
        Set<String> seen = new HashSet<>();
        for (EntityDef entity : context.manifest().entities().values()) {
            List<IndexDef> indexes = entity.indexes();
            for (int i = 0; i < indexes.size(); i++) {
                String name = indexes.get(i).name();
                String pointer = Pointer.of("entities", entity.name(), "indexes", String.valueOf(i));
                String namePointer = Pointer.append(pointer, "name");
                String at = context.loaded().sourceMap().contains(namePointer) ? namePointer : pointer;
                NameRules.identifier(name, "index name").ifPresent(m -> context.atValue(at, m));
                if (!seen.add(name)) {
                    context.atValue(at, "index name '" + name + "' is already used in module '"
                            + context.manifest().module() + "'");
                }
            }
        }
    }
}
