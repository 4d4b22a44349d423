package io.prmos.engine.openapi;

import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.Optional;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Completes a document's component schemas from the references its paths make: each
 * {@code #/components/schemas/X} that is not defined yet is looked up (kernel schemas) and added,
 * then its own references in turn. A document thus defines exactly what it uses.
 */
final class ReferencedSchemas {

    private ReferencedSchemas() {
    }

    static void complete(OpenAPI openAPI, Function<String, Optional<Schema>> lookup) {
        Components components = openAPI.getComponents();
        Deque<Schema> pending = new java.util.LinkedList<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> pending.addAll(schemasOf(item)));
        }
        if (components.getSchemas() != null) {
            pending.addAll(components.getSchemas().values());
        }
        Set<Schema> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Set<String> missing = new HashSet<>();
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            if (schema == null || !seen.add(schema)) {
                continue;
            }
            String ref = schema.getRef();
            if (ref != null && ref.startsWith(DocParts.REF)) {
                String name = ref.substring(DocParts.REF.length());
                if ((components.getSchemas() == null || !components.getSchemas().containsKey(name)) && missing.add(name)) {
                    Schema found = lookup.apply(name).orElseThrow(() -> new IllegalStateException("undefined schema " + name));
                    components.addSchema(name, found);
                    pending.push(found);
                }
            }
            pending.addAll(children(schema));
        }
    }

    private static List<Schema> children(Schema schema) {
        List<Schema> out = new ArrayList<>();
        if (schema.getProperties() != null) {
            out.addAll(schema.getProperties().values());
        }
        out.add(schema.getItems());
        out.add(schema.getAdditionalPropertiesSchema());
        out.add(schema.getNot());
        for (List<Schema> list : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (list != null) {
                out.addAll(list);
            }
        }
        return out;
    }

    private static List<Schema> schemasOf(PathItem item) {
        List<Schema> out = new ArrayList<>();
        if (item.getParameters() != null) {
            item.getParameters().forEach(p -> out.add(p.getSchema()));
        }
        Map<PathItem.HttpMethod, Operation> operations = item.getOperations();
        if (operations == null) {
            return out;
        }
        for (Operation op : operations.values()) {
            if (op.getParameters() != null) {
                op.getParameters().forEach(p -> out.add(p.getSchema()));
            }
            if (op.getRequestBody() != null) {
                out.addAll(schemasOf(op.getRequestBody().getContent()));
            }
            if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                for (APIResponse response : op.getResponses().getAPIResponses().values()) {
                    out.addAll(schemasOf(response.getContent()));
                    if (response.getHeaders() != null) {
                        response.getHeaders().values().forEach(h -> out.add(h.getSchema()));
                    }
                }
            }
        }
        return out;
    }

    private static List<Schema> schemasOf(Content content) {
        List<Schema> out = new ArrayList<>();
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(m -> out.add(m.getSchema()));
        }
        return out;
    }
}
