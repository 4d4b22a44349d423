package io.prmos.metadata.check;

import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.Pointer;
import io.prmos.metadata.model.ActionDef;
import io.prmos.metadata.model.DictionaryDef;
import io.prmos.metadata.model.EntityDef;
import io.prmos.metadata.model.EntityHooks;
import io.prmos.metadata.model.FieldDef;
import io.prmos.metadata.model.FieldType;
import io.prmos.metadata.model.PlatformRoles;
import io.prmos.metadata.model.Transition;
import io.prmos.metadata.model.ValidationRule;
import io.prmos.metadata.model.Workflow;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Structure of an entity's behaviour: the field a validation rule reports on, the workflow's state
 * field, states, roles and field assignments, hook and action ids, action roles. The expressions
 * themselves are type-checked by {@link ExpressionRules}.
 */
final class BehaviourRules {

    /** {@code deals.RecomputePartnerTier}: a module name, a dot, a name. */
    static final Pattern QUALIFIED_ID = Pattern.compile("^[a-z][a-z0-9_]{0,62}\\.[A-Za-z][A-Za-z0-9_]{0,127}$");

    private BehaviourRules() {
    }

    static void check(ModuleContext context) {
        for (EntityDef entity : context.manifest().entities().values()) {
            String pointer = Pointer.of("entities", entity.name());
            List<ValidationRule> rules = entity.validations();
            for (int i = 0; i < rules.size(); i++) {
                Optional<String> field = rules.get(i).field();
                if (field.isPresent() && !entity.fields().containsKey(field.get())) {
                    context.atValue(pointer + "/validations/" + i + "/field", "'" + field.get()
                            + "' is not a field of entity '" + entity.name() + "'");
                }
            }
            for (FieldDef field : entity.fields().values()) {
                checkFormulaField(context, pointer + "/fields/" + field.name(), field);
            }
            entity.workflow().ifPresent(w -> checkWorkflow(context, pointer + "/workflow", entity, w));
            checkHooks(context, pointer + "/hooks", entity.hooks());
            entity.actions().values().forEach(a -> checkAction(context, pointer + "/actions/" + a.name(), a));
        }
    }

    private static void checkFormulaField(ModuleContext context, String pointer, FieldDef field) {
        if (!field.computed()) {
            return;
        }
        if (io.prmos.metadata.rules.CelTypes.formulaResult(field.type()).isEmpty()) {
            context.atValue(pointer + "/type", "a formula field must be text, longtext, integer, bigint, decimal, boolean, "
                    + "date, datetime, email, url, phone or uuid; '" + field.type().name() + "' cannot be computed");
        }
        if (field.defaultValue().isPresent()) {
            context.atKey(pointer + "/default", "a formula field is computed; it cannot have a default");
        }
    }

    private static void checkWorkflow(ModuleContext context, String pointer, EntityDef entity, Workflow workflow) {
        FieldDef field = entity.fields().get(workflow.field());
        if (field == null) {
            context.atValue(pointer + "/field", "'" + workflow.field() + "' is not a field of entity '" + entity.name() + "'");
            return;
        }
        if (!(field.type() instanceof FieldType.Dictionary dictionaryType)) {
            context.atValue(pointer + "/field", "the state field '" + workflow.field() + "' must be a dictionary field");
            return;
        }
        DictionaryDef dictionary = context.manifest().dictionaries().get(dictionaryType.dictionary());
        checkState(context, pointer + "/initial", dictionary, workflow.initial());
        field.defaultValue().filter(d -> !d.asText().equals(workflow.initial())).ifPresent(d -> context.atValue(
                pointer + "/initial", "the state field's default '" + d.asText() + "' differs from the initial state '"
                        + workflow.initial() + "'; remove the default or make them equal"));
        Set<String> visible = PermissionRules.requiredClosure(context);
        for (Transition t : workflow.transitions().values()) {
            String at = pointer + "/transitions/" + t.name();
            NameRules.identifier(t.name(), "transition name").ifPresent(m -> context.atKey(at, m));
            for (int i = 0; i < t.from().size(); i++) {
                checkState(context, at + "/from/" + i, dictionary, t.from().get(i));
            }
            checkState(context, at + "/to", dictionary, t.to());
            checkRoles(context, at + "/roles", t.roles(), visible);
            if (t.rowScope() == Transition.RowScope.READ && t.roles().isEmpty()) {
                context.atValue(at + "/rowScope", "rowScope: read needs roles: a transition without roles is authorised by "
                        + "update permission, row scope included");
            }
            for (String name : t.set().keySet()) {
                FieldDef target = entity.fields().get(name);
                if (target == null) {
                    context.atKey(at + "/set/" + name, "'" + name + "' is not a field of entity '" + entity.name() + "'");
                } else if (name.equals(workflow.field()) || target.computed()) {
                    context.atKey(at + "/set/" + name, "a transition cannot set '" + name + "': it is "
                            + (target.computed() ? "a formula field" : "the state field; use to:"));
                }
            }
            t.emit().filter(e -> !QUALIFIED_ID.matcher(e).matches()).ifPresent(e -> context.atValue(at + "/emit",
                    "'" + e + "' is not an event name like module.EventName"));
        }
    }

    private static void checkState(ModuleContext context, String pointer, DictionaryDef dictionary, String code) {
        if (dictionary != null && !dictionary.hasCode(code)) {
            context.atValue(pointer, "'" + code + "' is not a value of dictionary '" + dictionary.name() + "'");
        }
    }

    private static void checkHooks(ModuleContext context, String pointer, EntityHooks hooks) {
        hooks.phases().forEach((phase, ids) -> {
            for (int i = 0; i < ids.size(); i++) {
                checkHookId(context, pointer + "/" + phase + "/" + i, ids.get(i));
            }
        });
    }

    private static void checkAction(ModuleContext context, String pointer, ActionDef action) {
        NameRules.identifier(action.name(), "action name").ifPresent(m -> context.atKey(pointer, m));
        checkHookId(context, pointer + "/hook", action.hook());
        checkRoles(context, pointer + "/roles", action.roles(), PermissionRules.requiredClosure(context));
        action.input().filter(s -> !"object".equals(s.path("type").asText("object")))
                .ifPresent(s -> context.atValue(pointer + "/input/type", "an action's input is a JSON object; its schema's type must be object"));
    }

    static void checkHookId(ModuleContext context, String pointer, String id) {
        if (!QUALIFIED_ID.matcher(id).matches()) {
            context.atValue(pointer, "'" + id + "' is not a hook id like module.HookName");
        }
    }

    private static void checkRoles(ModuleContext context, String pointer, List<String> roles, Set<String> visibleModules) {
        for (int i = 0; i < roles.size(); i++) {
            String role = roles.get(i);
            if (PlatformRoles.isPlatformRole(role)) {
                continue;
            }
            boolean declared = visibleModules.stream().anyMatch(module -> {
                LoadedManifest loaded = module.equals(context.manifest().module()) ? context.loaded() : context.moduleSet().get(module);
                return loaded == null || loaded.manifest().roles().containsKey(role);
            });
            if (!declared) {
                context.atValue(pointer + "/" + i, "role '" + role + "' is not declared in this module or a module it requires");
            }
        }
    }
}
