package io.prmos.metadata.check;

import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.model.FieldDef;
import io.prmos.metadata.model.FieldType;

/**
 * A reference names an entity of its own module ({@code Partner}) or of a required module
 * ({@code organizations.Organization}). Only same-module references get a real foreign key, so only
 * they may cascade or set null on delete.
 */
final class ReferenceRules {

    private ReferenceRules() {
    }

    static void check(ModuleContext context, String pointer, FieldDef field, FieldType.Reference reference) {
        String own = context.manifest().module();
        String targetModule = reference.targetModule(own);
        String toPointer = pointer + "/to";
        if (reference.crossModule() && targetModule.equals(own)) {
            checkEntity(context, toPointer, context.loaded(), reference.targetEntity());
        } else if (reference.crossModule()) {
            if (!context.manifest().requires().containsKey(targetModule)) {
                context.atValue(toPointer, "module '" + targetModule + "' is not in requires; add it to reference '"
                        + reference.target() + "'");
            } else {
                LoadedManifest target = context.moduleSet().get(targetModule);
                if (target != null) {
                    checkEntity(context, toPointer, target, reference.targetEntity());
                }
            }
        } else {
            checkEntity(context, toPointer, context.loaded(), reference.target());
        }
        checkOnDelete(context, pointer, field, reference);
    }

    private static void checkEntity(ModuleContext context, String pointer, LoadedManifest target, String entity) {
        if (!target.manifest().entities().containsKey(entity)) {
            context.atValue(pointer, "entity '" + entity + "' is not declared in module '" + target.manifest().module() + "'");
        }
    }

    private static void checkOnDelete(ModuleContext context, String pointer, FieldDef field, FieldType.Reference reference) {
        FieldType.OnDelete onDelete = reference.onDelete();
        if (onDelete == FieldType.OnDelete.RESTRICT) {
            return;
        }
        String written = onDelete == FieldType.OnDelete.CASCADE ? "cascade" : "setNull";
        boolean sameModule = reference.targetModule(context.manifest().module()).equals(context.manifest().module());
        if (!sameModule) {
            context.atValue(pointer + "/onDelete", "onDelete " + written
                    + " needs a foreign key, which exists only for references within the module");
        } else if (onDelete == FieldType.OnDelete.SET_NULL && field.required()) {
            context.atValue(pointer + "/onDelete", "onDelete setNull is not possible on a required field");
        }
    }
}
