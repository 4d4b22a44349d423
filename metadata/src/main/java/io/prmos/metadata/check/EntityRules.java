package io.prmos.metadata.check;

import io.prmos.metadata.load.Pointer;
import io.prmos.metadata.model.EntityDef;
import io.prmos.metadata.model.EntityUi;
import io.prmos.metadata.model.FieldDef;
import io.prmos.metadata.model.FieldType;
import io.prmos.metadata.model.IndexDef;
import io.prmos.metadata.naming.Names;
import java.util.List;

/** Per-entity rules: the entity name, its fields, derived money columns, indexes and UI hints. */
final class EntityRules {

    private EntityRules() {
    }

    static void check(ModuleContext context) {
        for (EntityDef entity : context.manifest().entities().values()) {
            String pointer = Pointer.of("entities", entity.name());
            NameRules.entityName(entity.name()).ifPresent(m -> context.atKey(pointer, m));
            for (FieldDef field : entity.fields().values()) {
                FieldRules.check(context, entity, field);
                checkMoneyColumns(context, entity, field);
            }
            checkIndexes(context, entity);
            checkUi(context, entity);
            FeatureRules.check(context, entity);
        }
    }

    private static void checkMoneyColumns(ModuleContext context, EntityDef entity, FieldDef field) {
        if (!(field.type() instanceof FieldType.Money)) {
            return;
        }
        String pointer = Pointer.of("entities", entity.name(), "fields", field.name());
        for (String column : List.of(field.name() + "_amount", field.name() + "_currency")) {
            if (column.length() > NameRules.MAX_IDENTIFIER_LENGTH) {
                context.atKey(pointer, "money field '" + field.name() + "' needs column '" + column
                        + "', which is longer than " + NameRules.MAX_IDENTIFIER_LENGTH + " characters");
            } else if (entity.fields().containsKey(column)) {
                context.atKey(pointer, "money field '" + field.name() + "' stores its value in column '"
                        + column + "', which collides with field '" + column + "'");
            }
        }
    }

    private static void checkIndexes(ModuleContext context, EntityDef entity) {
        List<IndexDef> indexes = entity.indexes();
        for (int i = 0; i < indexes.size(); i++) {
            String pointer = Pointer.of("entities", entity.name(), "indexes", String.valueOf(i), "fields");
            checkFieldList(context, entity, pointer, indexes.get(i).fields(), false, "index");
        }
    }

    private static void checkUi(ModuleContext context, EntityDef entity) {
        String ui = Pointer.of("entities", entity.name(), "ui");
        EntityUi hints = entity.ui();
        checkFieldList(context, entity, ui + "/list/columns", hints.listColumns(), true, "list column");
        List<String> sortFields = hints.defaultSort().stream()
                .map(s -> s.startsWith("-") ? s.substring(1) : s).toList();
        checkFieldList(context, entity, ui + "/list/sort", sortFields, true, "sort");
        for (int i = 0; i < hints.formSections().size(); i++) {
            checkFieldList(context, entity, ui + "/form/sections/" + i + "/fields",
                    hints.formSections().get(i).fields(), false, "form");
        }
        for (int i = 0; i < hints.detailSections().size(); i++) {
            checkFieldList(context, entity, ui + "/detail/sections/" + i + "/fields",
                    hints.detailSections().get(i).fields(), true, "detail");
        }
        UiHintRules.checkFilters(context, entity, ui + "/list/filters", hints.listFilters());
        UiHintRules.checkSearchFields(context, entity, ui + "/list/searchFields", hints.listSearchFields());
    }

    /** List columns and sort keys may name system columns (e.g. {@code -created_at}); forms may not. */
    static void checkFieldList(ModuleContext context, EntityDef entity, String pointer,
                                       List<String> names, boolean systemColumnsAllowed, String what) {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            boolean known = entity.fields().containsKey(name) || (systemColumnsAllowed && Names.isSystemColumn(name));
            if (!known) {
                context.atValue(Pointer.append(pointer, i), what + " names '" + name
                        + "', which is not a field of entity '" + entity.name() + "'");
            }
        }
    }
}
