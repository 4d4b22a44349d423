package io.prmos.metadata.check;

import io.prmos.metadata.catalog.DisplayTemplate;
import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.Pointer;
import io.prmos.metadata.model.EntityDef;
import io.prmos.metadata.model.FieldDef;
import io.prmos.metadata.model.FieldType;
import io.prmos.metadata.model.LinkTypeDef;
import io.prmos.metadata.naming.Names;
import java.util.List;
import java.util.Set;

/**
 * Rules of the entity registry keys: display templates, summary fields, locking switches, the
 * hierarchy field, searchable types, names the engine derives columns for, and link types.
 */
final class RegistryRules {

    /** Columns the engine adds for publicId and search; no field may take their names. */
    static final Set<String> DERIVED_COLUMNS = Names.DERIVED_COLUMNS;

    private RegistryRules() {
    }

    static void check(ModuleContext context) {
        for (EntityDef entity : context.manifest().entities().values()) {
            String pointer = Pointer.of("entities", entity.name());
            if (entity.display() != null) {
                DisplayTemplate.problem(entity.display(), entity).ifPresent(m -> context.atValue(pointer + "/display", m));
            }
            List<String> summary = entity.options().summary();
            for (int i = 0; i < summary.size(); i++) {
                if (!entity.fields().containsKey(summary.get(i))) {
                    context.atValue(pointer + "/summary/" + i, "summary names '" + summary.get(i)
                            + "', which is not a field of entity '" + entity.name() + "'");
                }
            }
            if (entity.options().requireIfMatch() && !entity.options().optimisticLock()) {
                context.atValue(pointer + "/requireIfMatch", "requireIfMatch needs optimisticLock; remove one of them");
            }
            checkFields(context, entity, pointer);
        }
        checkLinks(context);
    }

    private static void checkFields(ModuleContext context, EntityDef entity, String pointer) {
        boolean hierarchySeen = false;
        for (FieldDef field : entity.fields().values()) {
            String fieldPointer = Pointer.append(pointer + "/fields", field.name());
            if (DERIVED_COLUMNS.contains(field.name()) || field.name().startsWith("search_vector_")) {
                context.atKey(fieldPointer, "'" + field.name() + "' is a name the engine uses for a derived column; choose another name");
            }
            if (field.searchable() && !textual(field.type())) {
                context.atValue(fieldPointer + "/searchable", "only text, longtext, email, url and phone fields can be searchable, not "
                        + field.type().name());
            }
            if (!field.hierarchy()) {
                continue;
            }
            if (!(field.type() instanceof FieldType.Reference ref) || ref.crossModule() || !ref.target().equals(entity.name())) {
                context.atValue(fieldPointer + "/hierarchy", "a hierarchy field must reference its own entity '" + entity.name() + "'");
            } else if (hierarchySeen) {
                context.atValue(fieldPointer + "/hierarchy", "entity '" + entity.name() + "' already has a hierarchy field");
            }
            hierarchySeen = true;
        }
    }

    private static boolean textual(FieldType type) {
        return type instanceof FieldType.Text || type instanceof FieldType.LongText || type instanceof FieldType.Email
                || type instanceof FieldType.Url || type instanceof FieldType.Phone;
    }

    private static void checkLinks(ModuleContext context) {
        for (LinkTypeDef link : context.manifest().links().values()) {
            String pointer = Pointer.of("links", link.name());
            NameRules.identifier(link.name(), "link type").ifPresent(m -> context.atKey(pointer, m));
            checkEnd(context, pointer + "/from", link.from());
            checkEnd(context, pointer + "/to", link.to());
        }
    }

    private static void checkEnd(ModuleContext context, String pointer, String end) {
        String own = context.manifest().module();
        String module = end.contains(".") ? end.substring(0, end.indexOf('.')) : own;
        String entity = end.contains(".") ? end.substring(end.indexOf('.') + 1) : end;
        if (!module.equals(own) && !context.manifest().requires().containsKey(module)) {
            context.atValue(pointer, "module '" + module + "' is not in requires; add it to link '" + end + "'");
            return;
        }
        LoadedManifest target = module.equals(own) ? context.loaded() : context.moduleSet().get(module);
        if (target != null && !target.manifest().entities().containsKey(entity)) {
            context.atValue(pointer, "entity '" + entity + "' is not declared in module '" + module + "'");
        }
    }
}
