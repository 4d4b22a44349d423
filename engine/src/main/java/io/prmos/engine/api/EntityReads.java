package io.prmos.engine.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.query.Urn;
import io.prmos.engine.security.AccessDecision;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.Operation;
import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.engine.store.Access;
import io.prmos.engine.store.RecordLookup;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads records named by URN for the entity registry (expand, resolve, links): grouped so that
 * each entity costs one statement however many records are asked for, and filtered by the
 * caller's read permission. A record the caller may not read is reported exactly like a missing one.
 */
final class EntityReads {

    private final PermissionEvaluator evaluator;
    private final RecordLookup lookup;
    private final Catalog catalog;
    private final Caller caller;

    EntityReads(PermissionEvaluator evaluator, RecordLookup lookup, Catalog catalog, Caller caller) {
        this.evaluator = evaluator;
        this.lookup = lookup;
        this.catalog = catalog;
        this.caller = caller;
    }

    /** The readable records among {@code urns}, by URN text; unreadable, missing and unknown URNs are absent. */
    Uni<Map<String, Found>> read(Collection<Urn> urns) {
        Map<EntityDescriptor, Set<UUID>> byEntity = new LinkedHashMap<>();
        for (Urn urn : urns) {
            urn.entityIn(catalog).ifPresent(e -> byEntity.computeIfAbsent(e, k -> new LinkedHashSet<>()).add(urn.id()));
        }
        List<Uni<List<Found>>> reads = new ArrayList<>();
        for (Map.Entry<EntityDescriptor, Set<UUID>> entry : byEntity.entrySet()) {
            reads.add(readEntity(entry.getKey(), entry.getValue()));
        }
        if (reads.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Uni.join().all(reads).andFailFast().map(lists -> {
            Map<String, Found> out = new HashMap<>();
            lists.forEach(list -> list.forEach(f -> out.put(f.urn().toString(), f)));
            return out;
        });
    }

    private Uni<List<Found>> readEntity(EntityDescriptor entity, Set<UUID> ids) {
        AccessDecision read = evaluator.decide(caller, catalog, entity, Operation.READ);
        if (!read.allowed()) {
            return Uni.createFrom().item(List.of());
        }
        return lookup.byIds(caller, entity, ids, new Access(read.rows(), read.rows(), read.projection())).map(records -> {
            List<Found> found = new ArrayList<>();
            records.forEach((id, record) -> found.add(new Found(new Urn(entity.module(), entity.path(), id), entity, record, read)));
            return found;
        });
    }

    /** A readable record with the decision that made it readable (for its visible fields). */
    record Found(Urn urn, EntityDescriptor entity, ObjectNode record, AccessDecision read) {

        String display(Catalog catalog) {
            return DisplayNames.of(catalog, entity, record);
        }

        /** {@code {id, urn, display, link}}: how a reference to this record is shown. */
        ObjectNode reference(Catalog catalog) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.put("id", urn.id().toString()).put("urn", urn.toString()).put("found", true)
                    .put("display", display(catalog)).put("link", urn.link());
            return out;
        }
    }

    /** How a reference the caller cannot follow is shown: its id and URN, nothing else. */
    static ObjectNode notFound(Urn urn) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("id", urn.id().toString()).put("urn", urn.toString()).put("found", false);
        return out;
    }
}
