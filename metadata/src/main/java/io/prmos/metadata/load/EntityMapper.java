package io.prmos.metadata.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.metadata.model.EntityDef;
import io.prmos.metadata.model.EntityUi;
import io.prmos.metadata.model.FieldDef;
import io.prmos.metadata.model.IndexDef;
import io.prmos.metadata.model.Workflow;
import io.prmos.metadata.naming.Names;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Maps one schema-valid entity node to {@link EntityDef}, defaulting labels and index names. */
final class EntityMapper {

    private EntityMapper() {
    }

    static EntityDef map(String name, JsonNode node) {
        String label = ManifestMapper.text(node, "label").orElse(Names.humanize(name));
        Map<String, FieldDef> fields = new LinkedHashMap<>();
        node.path("fields").fields().forEachRemaining(e -> fields.put(e.getKey(), FieldMapper.map(e.getKey(), e.getValue())));
        Optional<Workflow> workflow = BehaviourMapper.workflow(node.path("workflow"));
        // the state field changes only through transitions: to plain writes it is read-only
        workflow.map(Workflow::field).filter(fields::containsKey).ifPresent(f -> fields.put(f, fields.get(f).asReadOnly()));
        return new EntityDef(
                name,
                label,
                ManifestMapper.text(node, "pluralLabel").orElse(label + "s"),
                ManifestMapper.text(node, "description").orElse(null),
                ManifestMapper.text(node, "display").orElse(null),
                Collections.unmodifiableMap(fields),
                indexes(name, node.path("indexes")),
                ui(node.path("ui")),
                ManifestMapper.text(node, "renamedFrom"),
                RegistryMapper.options(node),
                FeaturesMapper.map(node),
                BehaviourMapper.validations(node.path("validations")),
                workflow,
                BehaviourMapper.hooks(node.path("hooks")),
                BehaviourMapper.actions(node.path("actions")));
    }

    /** An unnamed index is called {@code {table}_{field}_..._idx}, as PostgreSQL would name it. */
    static String defaultIndexName(String entity, List<String> fields, boolean unique) {
        return Names.snakeCase(entity) + "_" + String.join("_", fields) + (unique ? "_key" : "_idx");
    }

    private static List<IndexDef> indexes(String entity, JsonNode node) {
        List<IndexDef> out = new ArrayList<>();
        for (JsonNode index : node) {
            List<String> fields = ManifestMapper.strings(index.path("fields"));
            boolean unique = index.path("unique").asBoolean(false);
            String name = ManifestMapper.text(index, "name").orElse(defaultIndexName(entity, fields, unique));
            out.add(new IndexDef(name, fields, unique));
        }
        return List.copyOf(out);
    }

    private static EntityUi ui(JsonNode node) {
        if (node.isMissingNode()) {
            return EntityUi.NONE;
        }
        List<EntityUi.FormSection> sections = new ArrayList<>();
        for (JsonNode section : node.path("form").path("sections")) {
            sections.add(new EntityUi.FormSection(ManifestMapper.text(section, "label").orElse(null),
                    ManifestMapper.strings(section.path("fields"))));
        }
        return new EntityUi(
                ManifestMapper.strings(node.path("list").path("columns")),
                ManifestMapper.strings(node.path("list").path("sort")),
                List.copyOf(sections));
    }
}
