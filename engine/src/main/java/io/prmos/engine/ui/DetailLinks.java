package io.prmos.engine.ui;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.catalog.ModuleDescriptor;
import io.prmos.metadata.filter.FieldPath;
import io.prmos.metadata.filter.Filter;
import io.prmos.metadata.filter.FilterParser;
import io.prmos.metadata.model.FieldType;
import io.prmos.metadata.model.ModuleUi;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a detail page shows besides the record's own fields: related lists (every readable
 * reference field in the catalog that targets the entity) and the widgets other modules placed
 * into its slots. Anything pointing at an entity or field the caller cannot read is left out.
 */
final class DetailLinks {

    private final CallerGrants grants;

    DetailLinks(CallerGrants grants) {
        this.grants = grants;
    }

    ArrayNode related(EntityDescriptor host) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (EntityDescriptor other : grants.catalog().entities()) {
            if (!grants.readable(other)) {
                continue;
            }
            List<FieldDescriptor> links = referencesTo(other, host);
            for (FieldDescriptor link : links) {
                EntityPresentation view = new EntityPresentation(other, grants.visible(other));
                ObjectNode item = out.addObject()
                        .put("entity", other.qualifiedName())
                        .put("field", link.name())
                        .put("label", links.size() == 1 && other != host ? other.pluralLabel()
                                : other.pluralLabel() + " (" + link.def().label() + ")")
                        .put("api", UiPaths.api(other))
                        .put("route", UiPaths.route(other));
                ArrayNode columns = item.putArray("columns");
                view.listColumns().stream().filter(c -> !c.equals(link.name())).forEach(columns::add);
            }
        }
        return out;
    }

    /** Visible reference fields of {@code owner} whose target is {@code target}. */
    private List<FieldDescriptor> referencesTo(EntityDescriptor owner, EntityDescriptor target) {
        List<FieldDescriptor> out = new ArrayList<>();
        for (FieldDescriptor field : owner.fields()) {
            if (field.type() instanceof FieldType.Reference ref && grants.visible(owner).contains(field.name())
                    && grants.catalog().target(owner.module(), ref) == target) {
                out.add(field);
            }
        }
        return out;
    }

    ObjectNode slots(EntityDescriptor host) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode sidebar = out.putArray("sidebar");
        ArrayNode main = out.putArray("main");
        for (ModuleDescriptor module : grants.catalog().modules()) {
            for (ModuleUi.Slot slot : module.manifest().ui().slots()) {
                if (slot.hostModule().equals(host.module()) && slot.hostEntity().equals(host.name())) {
                    widget(module, slot, host).ifPresent(w -> (slot.region().equals("main") ? main : sidebar).add(w));
                }
            }
        }
        return out;
    }

    private Optional<ObjectNode> widget(ModuleDescriptor module, ModuleUi.Slot slot, EntityDescriptor host) {
        String local = slot.entity().startsWith(module.name() + ".") ? slot.entity().substring(module.name().length() + 1) : slot.entity();
        EntityDescriptor entity = module.entitiesByName().get(local);
        if (entity == null || !grants.readable(entity)) {
            return Optional.empty();
        }
        boolean list = slot.widget() == ModuleUi.Widget.RELATED_LIST;
        Optional<FieldDescriptor> link = link(slot, list ? entity : host, list ? host : entity);
        if (link.isEmpty() || !filterVisible(slot, entity)) {
            return Optional.empty();
        }
        EntityPresentation view = new EntityPresentation(entity, grants.visible(entity));
        List<String> columns = slot.columns().isEmpty() ? view.listColumns() : slot.columns().stream().filter(view::shows).toList();
        ObjectNode out = JsonNodeFactory.instance.objectNode()
                .put("widget", slot.widget().manifestName())
                .put("entity", entity.qualifiedName())
                .put("field", link.get().name())
                .put("fieldOwner", list ? "entity" : "host")
                .put("title", slot.title().orElse(list ? entity.pluralLabel() : entity.label()))
                .put("api", UiPaths.api(entity))
                .put("route", UiPaths.route(entity))
                .put("displayField", view.displayField());
        ArrayNode columnArray = out.putArray("columns");
        columns.forEach(columnArray::add);
        out.put("filter", slot.filter().orElse(null));
        return Optional.of(out);
    }

    /** The reference field on {@code owner} pointing at {@code target}: the named one or the only one. */
    private Optional<FieldDescriptor> link(ModuleUi.Slot slot, EntityDescriptor owner, EntityDescriptor target) {
        List<FieldDescriptor> candidates = referencesTo(owner, target);
        if (slot.field().isPresent()) {
            return candidates.stream().filter(f -> f.name().equals(slot.field().get())).findFirst();
        }
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    /** A slot filter naming a field the caller cannot read would fail in the API; such a slot is left out. */
    private boolean filterVisible(ModuleUi.Slot slot, EntityDescriptor entity) {
        if (slot.filter().isEmpty()) {
            return true;
        }
        List<FieldPath> paths = new ArrayList<>();
        collect(FilterParser.parse(slot.filter().get()), paths);
        EntityPresentation view = new EntityPresentation(entity, grants.visible(entity));
        return paths.stream().allMatch(p -> view.shows(p.field()));
    }

    private static void collect(Filter filter, List<FieldPath> out) {
        if (filter instanceof Filter.And and) {
            and.operands().forEach(f -> collect(f, out));
        } else if (filter instanceof Filter.Or or) {
            or.operands().forEach(f -> collect(f, out));
        } else if (filter instanceof Filter.Not not) {
            collect(not.operand(), out);
        } else if (filter instanceof Filter.Comparison c) {
            out.add(c.field());
        } else if (filter instanceof Filter.InList in) {
            out.add(in.field());
        } else if (filter instanceof Filter.IsNull isNull) {
            out.add(isNull.field());
        }
    }
}
