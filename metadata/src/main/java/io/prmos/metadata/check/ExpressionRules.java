package io.prmos.metadata.check;

import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import io.prmos.metadata.load.Pointer;
import io.prmos.metadata.model.EntityDef;
import io.prmos.metadata.model.FieldDef;
import io.prmos.metadata.model.Transition;
import io.prmos.metadata.rules.CelTypes;
import io.prmos.metadata.rules.RecordEnvironment;


/**
 * Type-checks every CEL expression of an entity against its fields: validation rules and guards
 * must be boolean, a formula must produce its field's type. An unknown field, a syntax error or a
 * wrong type is reported at the expression's value.
 */
final class ExpressionRules {

    private ExpressionRules() {
    }

    static void check(ModuleContext context) {
        for (EntityDef entity : context.manifest().entities().values()) {
            if (!hasExpressions(entity)) {
                continue;
            }
            RecordEnvironment env = new RecordEnvironment(entity);
            String pointer = Pointer.of("entities", entity.name());
            for (int i = 0; i < entity.validations().size(); i++) {
                check(context, env, pointer + "/validations/" + i + "/rule", entity.validations().get(i).rule(), SimpleType.BOOL);
            }
            for (FieldDef field : entity.fields().values()) {
                if (field.computed()) {
                    CelTypes.formulaResult(field.type()).ifPresent(type ->
                            check(context, env, pointer + "/fields/" + field.name() + "/formula", field.formula().get(), type));
                }
            }
            entity.workflow().ifPresent(w -> {
                for (Transition t : w.transitions().values()) {
                    t.guard().ifPresent(g -> check(context, env, pointer + "/workflow/transitions/" + t.name() + "/guard", g,
                            SimpleType.BOOL));
                }
            });
        }
    }

    private static boolean hasExpressions(EntityDef entity) {
        return !entity.validations().isEmpty() || entity.fields().values().stream().anyMatch(FieldDef::computed)
                || entity.workflow().isPresent();
    }

    private static void check(ModuleContext context, RecordEnvironment env, String pointer, String expression, CelType expected) {
        RecordEnvironment.Checked checked = env.check(expression, expected);
        if (!checked.ok()) {
            context.atValue(pointer, "expression does not type-check: " + checked.problem());
        }
    }

}
