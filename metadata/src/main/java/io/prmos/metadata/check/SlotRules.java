package io.prmos.metadata.check;

import io.prmos.metadata.filter.FieldPath;
import io.prmos.metadata.filter.Filter;
import io.prmos.metadata.filter.FilterParser;
import io.prmos.metadata.filter.FilterSyntaxException;
import io.prmos.metadata.filter.Literal;
import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.Pointer;
import io.prmos.metadata.model.EntityDef;
import io.prmos.metadata.model.FieldDef;
import io.prmos.metadata.model.FieldType;
import io.prmos.metadata.model.ModuleUi;
import io.prmos.metadata.naming.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Slots ({@code ui.slots}): the widget entity belongs to the declaring module, the host entity
 * exists when its module is in the set (a slot aimed at an absent module is ignored, so a module
 * may decorate pages of modules that are not installed), the linking reference field resolves
 * (explicitly or unambiguously), columns are fields and the filter is a valid list filter.
 */
final class SlotRules {

    private SlotRules() {
    }

    /** {@code /api/v1/ui/...} serves the web UI, so a module called {@code ui} could not have an API. */
    static final String RESERVED_MODULE = "ui";

    static void check(ModuleContext context) {
        if (context.manifest().module().equals(RESERVED_MODULE)) {
            context.atValue(Pointer.of("module"), "module name 'ui' is reserved: /api/v1/ui serves the web UI");
        }
        List<ModuleUi.Slot> slots = context.manifest().ui().slots();
        for (int i = 0; i < slots.size(); i++) {
            check(context, slots.get(i), Pointer.of("ui", "slots", String.valueOf(i)));
        }
    }

    private static void check(ModuleContext context, ModuleUi.Slot slot, String pointer) {
        EntityDef widget = widgetEntity(context, slot.entity());
        if (widget == null) {
            context.atValue(Pointer.append(pointer, "entity"), "slot entity '" + slot.entity()
                    + "' is not an entity of module '" + context.manifest().module() + "'");
            return;
        }
        for (int c = 0; c < slot.columns().size(); c++) {
            String column = slot.columns().get(c);
            if (!widget.fields().containsKey(column) && !Names.isSystemColumn(column)) {
                context.atValue(Pointer.append(Pointer.append(pointer, "columns"), c), "slot column '" + column
                        + "' is not a field of entity '" + widget.name() + "'");
            }
        }
        slot.filter().ifPresent(filter -> checkFilter(context, widget, filter, Pointer.append(pointer, "filter")));
        LoadedManifest hostModule = context.moduleSet().get(slot.hostModule());
        if (hostModule == null) {
            return;
        }
        EntityDef host = hostModule.manifest().entities().get(slot.hostEntity());
        if (host == null) {
            context.atValue(Pointer.append(pointer, "target"), "slot target names entity '" + slot.hostEntity()
                    + "', which is not declared in module '" + slot.hostModule() + "'");
            return;
        }
        checkField(context, slot, widget, host, pointer);
    }

    static EntityDef widgetEntity(ModuleContext context, String name) {
        String own = context.manifest().module() + ".";
        String local = name.startsWith(own) ? name.substring(own.length()) : name;
        return context.manifest().entities().get(local);
    }

    private static void checkField(ModuleContext context, ModuleUi.Slot slot, EntityDef widget, EntityDef host, String pointer) {
        String module = context.manifest().module();
        boolean list = slot.widget() == ModuleUi.Widget.RELATED_LIST;
        EntityDef owner = list ? widget : host;
        String ownerModule = list ? module : slot.hostModule();
        String targetModule = list ? slot.hostModule() : module;
        String targetEntity = list ? host.name() : widget.name();
        List<String> candidates = new ArrayList<>();
        for (FieldDef field : owner.fields().values()) {
            if (field.type() instanceof FieldType.Reference ref && ref.targetModule(ownerModule).equals(targetModule)
                    && ref.targetEntity().equals(targetEntity)) {
                candidates.add(field.name());
            }
        }
        String what = "a reference field of '" + ownerModule + "." + owner.name() + "' to '" + targetModule + "." + targetEntity + "'";
        if (slot.field().isPresent()) {
            if (!candidates.contains(slot.field().get())) {
                context.atValue(Pointer.append(pointer, "field"), "slot field '" + slot.field().get() + "' is not " + what
                        + (candidates.isEmpty() ? "" : "; candidates: " + candidates));
            }
        } else if (candidates.size() != 1) {
            context.atKey(pointer, (candidates.isEmpty() ? "the slot needs " + what + ", and there is none"
                    : "the slot is ambiguous: name one of " + candidates + " as field"));
        }
    }

    private static void checkFilter(ModuleContext context, EntityDef widget, String text, String pointer) {
        Filter filter;
        try {
            filter = FilterParser.parse(text);
        } catch (FilterSyntaxException e) {
            context.atValue(pointer, "slot filter does not parse: " + e.reason() + " at position " + e.position());
            return;
        }
        visit(filter, path -> checkPath(context, widget, path, pointer), literal -> {
            if (literal instanceof Literal.Variable variable) {
                context.atValue(pointer, "slot filter may not use variables such as $" + variable.path());
            }
        });
    }

    private static void checkPath(ModuleContext context, EntityDef widget, FieldPath path, String pointer) {
        if (WhereRules.SYSTEM_FIELDS.contains(path.field())) {
            return;
        }
        FieldDef field = widget.fields().get(path.field());
        if (field == null) {
            context.atValue(pointer, "slot filter names '" + path + "', which is not a field of entity '" + widget.name() + "'");
        } else if (!field.filterable()) {
            context.atValue(pointer, "slot filter names '" + path.field() + "', which is not filterable");
        }
    }

    private static void visit(Filter filter, Consumer<FieldPath> paths, Consumer<Literal> literals) {
        if (filter instanceof Filter.And and) {
            and.operands().forEach(f -> visit(f, paths, literals));
        } else if (filter instanceof Filter.Or or) {
            or.operands().forEach(f -> visit(f, paths, literals));
        } else if (filter instanceof Filter.Not not) {
            visit(not.operand(), paths, literals);
        } else if (filter instanceof Filter.Comparison comparison) {
            paths.accept(comparison.field());
            literals.accept(comparison.value());
        } else if (filter instanceof Filter.InList in) {
            paths.accept(in.field());
            in.values().forEach(literals);
        } else if (filter instanceof Filter.IsNull isNull) {
            paths.accept(isNull.field());
        }
    }
}
