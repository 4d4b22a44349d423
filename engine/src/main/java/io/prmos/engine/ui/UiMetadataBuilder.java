package io.prmos.engine.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.ModuleDescriptor;
import io.prmos.metadata.model.Navigation;
import io.prmos.metadata.naming.Names;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Catalog + caller → the UI metadata the web runtime renders from (docs/ui.md): the user,
 * navigation grouped by section, one definition per entity the caller may read, with fields,
 * actions, related lists and slots already filtered by the caller's permissions, and the agents the
 * caller may start by hand. Deterministic,
 * so the hash of the output is a valid ETag.
 */
public final class UiMetadataBuilder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PermissionEvaluator evaluator;

    public UiMetadataBuilder(PermissionEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** The document and its strong ETag (quoted hash of the serialized document). */
    public record UiMetadata(ObjectNode document, String etag) {
    }

    public UiMetadata build(Catalog catalog, Caller caller) {
        return build(catalog, caller, Map.of());
    }

    /** With the module UI extensions whose bundle hashes are given (module → hash of the active version's bundle). */
    public UiMetadata build(Catalog catalog, Caller caller, Map<String, String> bundleHashes) {
        CallerGrants grants = new CallerGrants(evaluator, catalog, caller);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("user", user(caller));
        out.set("navigation", navigation(grants));
        ObjectNode entities = out.putObject("entities");
        EntityView view = new EntityView(grants);
        for (ModuleDescriptor module : catalog.modules()) {
            for (EntityDescriptor entity : module.entities()) {
                if (grants.readable(entity)) {
                    entities.set(entity.qualifiedName(), view.of(module, entity));
                }
            }
        }
        out.set("agents", UiAgents.of(grants));
        out.set("extensions", io.prmos.engine.ui.extension.ExtensionView.of(catalog, caller, bundleHashes));
        return new UiMetadata(out, etag(out));
    }

    private static ObjectNode user(Caller caller) {
        ObjectNode user = JsonNodeFactory.instance.objectNode()
                .put("id", caller.user())
                .put("username", caller.userName())
                .put("tenant", caller.tenant());
        ArrayNode roles = user.putArray("roles");
        caller.roles().stream().sorted().forEach(roles::add);
        return user;
    }

    private record Item(String section, int order, String module, ObjectNode node) {
    }

    private static ArrayNode navigation(CallerGrants grants) {
        List<Item> items = new ArrayList<>();
        for (ModuleDescriptor module : grants.catalog().modules()) {
            Navigation nav = module.manifest().navigation()
                    .orElse(new Navigation("main", module.manifest().title(), null, 0));
            for (EntityDescriptor entity : module.entities()) {
                if (grants.readable(entity)) {
                    boolean single = module.entities().size() == 1;
                    ObjectNode node = JsonNodeFactory.instance.objectNode()
                            .put("entity", entity.qualifiedName())
                            .put("label", single ? nav.label() : entity.pluralLabel())
                            .put("icon", nav.icon())
                            .put("order", nav.order())
                            .put("route", UiPaths.route(entity));
                    items.add(new Item(nav.section(), nav.order(), module.name(), node));
                }
            }
        }
        items.sort(Comparator.comparingInt(Item::order).thenComparing(Item::module));
        Map<String, ArrayNode> bySection = new LinkedHashMap<>();
        Map<String, Integer> sectionOrder = new LinkedHashMap<>();
        for (Item item : items) {
            bySection.computeIfAbsent(item.section(), s -> JsonNodeFactory.instance.arrayNode()).add(item.node());
            sectionOrder.putIfAbsent(item.section(), item.order());
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        bySection.keySet().stream().sorted(Comparator.comparing((String s) -> sectionOrder.get(s)).thenComparing(s -> s))
                .forEach(section -> out.addObject()
                        .put("section", section)
                        .put("label", Names.humanize(section))
                        .put("order", sectionOrder.get(section))
                        .set("items", bySection.get(section)));
        return out;
    }

    private static String etag(ObjectNode document) {
        try {
            byte[] bytes = JSON.writeValueAsBytes(document);
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The document as pretty JSON, as the golden file stores it. */
    public static String pretty(ObjectNode document) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
