package io.prmos.engine.ui;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.security.Operation;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.catalog.ModuleDescriptor;
import io.prmos.metadata.model.EntityUi;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The UI definition of one readable entity for one caller: actions, fields, list, detail and form. */
final class EntityView {

    private final CallerGrants grants;
    private final DetailLinks links;

    EntityView(CallerGrants grants) {
        this.grants = grants;
        this.links = new DetailLinks(grants);
    }

    ObjectNode of(ModuleDescriptor module, EntityDescriptor entity) {
        EntityPresentation view = new EntityPresentation(entity, grants.visible(entity));
        ObjectNode out = JsonNodeFactory.instance.objectNode()
                .put("module", entity.module())
                .put("name", entity.name())
                .put("label", entity.label())
                .put("pluralLabel", entity.pluralLabel())
                .put("description", entity.description())
                .put("api", UiPaths.api(entity))
                .put("route", UiPaths.route(entity))
                .put("displayField", view.displayField())
                .put("displayTemplate", entity.def().display());
        out.set("actions", actions(entity));
        out.set("features", features(entity));
        ArrayNode fields = out.putArray("fields");
        Set<String> writable = grants.writable(entity);
        for (FieldDescriptor field : view.visibleFields()) {
            fields.add(FieldView.of(grants, module, entity, field, writable.contains(field.name())));
        }
        out.set("list", list(view));
        ObjectNode detail = out.putObject("detail");
        detail.set("sections", sections(detailSections(entity, view)));
        detail.set("related", links.related(entity));
        detail.set("slots", links.slots(entity));
        out.putObject("form").set("sections", sections(formSections(entity, view, writable)));
        entity.def().workflow().filter(w -> view.field(w.field()).isPresent()).ifPresent(w -> out.set("workflow", workflow(w)));
        return out;
    }

    /**
     * The entity's state machine, for pages that move records between states (a pipeline board): every
     * transition with {@code allowed} telling whether the caller's roles permit it. Guards and row scopes
     * are the server's to check when the transition is requested.
     */
    private ObjectNode workflow(io.prmos.metadata.model.Workflow workflow) {
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("field", workflow.field()).put("initial", workflow.initial());
        ArrayNode transitions = out.putArray("transitions");
        for (io.prmos.metadata.model.Transition t : workflow.transitions().values()) {
            ObjectNode node = transitions.addObject().put("name", t.name()).put("label", t.label());
            strings(node.putArray("from"), t.from());
            node.put("to", t.to()).put("allowed", t.roles().isEmpty() || t.roles().stream().anyMatch(grants.caller().roles()::contains));
        }
        return out;
    }

    private ObjectNode actions(EntityDescriptor entity) {
        boolean create = grants.allowed(entity, Operation.CREATE);
        return JsonNodeFactory.instance.objectNode()
                .put("create", create)
                .put("update", grants.allowed(entity, Operation.UPDATE))
                .put("delete", grants.allowed(entity, Operation.DELETE))
                .put("restore", entity.features().softDelete() && grants.allowed(entity, Operation.RESTORE))
                .put("bulk", grants.allowed(entity, Operation.BULK))
                .put("export", true)
                .put("import", create);
    }

    /** What the record API offers for this entity: history (audit), recycle bin (softDelete), If-Match (optimisticLock). */
    private static ObjectNode features(EntityDescriptor entity) {
        return JsonNodeFactory.instance.objectNode()
                .put("audit", entity.features().audit())
                .put("activity", entity.features().activity())
                .put("softDelete", entity.features().softDelete())
                .put("optimisticLock", entity.features().optimisticLock());
    }

    private static ObjectNode list(EntityPresentation view) {
        ObjectNode list = JsonNodeFactory.instance.objectNode();
        strings(list.putArray("columns"), view.listColumns());
        strings(list.putArray("sort"), view.sort());
        strings(list.putArray("filters"), view.filters());
        strings(list.putArray("searchFields"), view.searchFields());
        return list;
    }

    /** Declared detail sections; else the form's sections; else one section; unplaced visible fields go to "Other". */
    private static List<EntityUi.FormSection> detailSections(EntityDescriptor entity, EntityPresentation view) {
        EntityUi ui = entity.def().ui();
        List<EntityUi.FormSection> declared = !ui.detailSections().isEmpty() ? ui.detailSections() : ui.formSections();
        List<String> all = view.visibleFields().stream().map(FieldDescriptor::name).toList();
        return complete(entity, declared, all, view::shows);
    }

    /** Declared form sections (visible fields) plus every writable field they leave out; default one section. */
    private static List<EntityUi.FormSection> formSections(EntityDescriptor entity, EntityPresentation view, Set<String> writable) {
        List<String> editable = view.visibleFields().stream()
                .filter(f -> writable.contains(f.name()) && !f.def().readOnly()).map(FieldDescriptor::name).toList();
        return complete(entity, entity.def().ui().formSections(), editable, name -> view.field(name).isPresent());
    }

    private static List<EntityUi.FormSection> complete(EntityDescriptor entity, List<EntityUi.FormSection> declared,
                                                       List<String> required, java.util.function.Predicate<String> shown) {
        List<EntityUi.FormSection> out = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        for (EntityUi.FormSection section : declared) {
            List<String> fields = section.fields().stream().filter(shown).toList();
            placed.addAll(fields);
            if (!fields.isEmpty()) {
                out.add(new EntityUi.FormSection(section.label() == null ? entity.label() : section.label(), fields));
            }
        }
        List<String> rest = required.stream().filter(name -> !placed.contains(name)).toList();
        if (!rest.isEmpty()) {
            out.add(new EntityUi.FormSection(declared.isEmpty() ? entity.label() : "Other", rest));
        }
        return out;
    }

    private static ArrayNode sections(List<EntityUi.FormSection> sections) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (EntityUi.FormSection section : sections) {
            ObjectNode node = out.addObject().put("label", section.label());
            strings(node.putArray("fields"), section.fields());
        }
        return out;
    }

    static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
