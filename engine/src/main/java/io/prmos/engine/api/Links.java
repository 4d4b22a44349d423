package io.prmos.engine.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.query.Urn;
import io.prmos.engine.security.AccessDecision;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.Operation;
import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.engine.store.Access;
import io.prmos.engine.store.LinkStore;
import io.prmos.engine.store.RecordLookup;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.LinkType;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Typed links between records, with permissions on both ends: reading a link needs read on both
 * records; creating or deleting one also needs update on its {@code from} record. An end the caller
 * cannot read makes the link invisible to them (404 when addressed).
 */
final class Links {

    static final int MAX_LINKS = 500;

    private final Catalog catalog;
    private final Caller caller;
    private final PermissionEvaluator evaluator;
    private final RecordLookup lookup;
    private final LinkStore store;
    private final EntityReads reads;

    Links(Catalog catalog, Caller caller, PermissionEvaluator evaluator, RecordLookup lookup, LinkStore store) {
        this.catalog = catalog;
        this.caller = caller;
        this.evaluator = evaluator;
        this.lookup = lookup;
        this.store = store;
        this.reads = new EntityReads(evaluator, lookup, catalog, caller);
    }

    Uni<ObjectNode> create(String typeName, String fromText, String toText) {
        LinkType type = type(typeName);
        Urn from = end(fromText, "/from");
        Urn to = end(toText, "/to");
        List<Problem.Error> errors = new ArrayList<>();
        if (!from.names(type.from())) {
            errors.add(new Problem.Error("/from", null, "type", "a " + type.qualifiedName() + " link starts at a " + type.from().qualifiedName()));
        }
        if (!to.names(type.to())) {
            errors.add(new Problem.Error("/to", null, "type", "a " + type.qualifiedName() + " link ends at a " + type.to().qualifiedName()));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(422, "validation", "Invalid link", "the ends do not fit link type " + type.qualifiedName(), errors);
        }
        return mayChange(from, to).flatMap(ends -> store.create(caller, type.qualifiedName(), from.toString(), to.toString())
                .map(link -> view(link, from, ends)));
    }

    Uni<Boolean> delete(UUID id) {
        return store.find(caller, id).flatMap(found -> {
            LinkStore.Link link = found.orElseThrow(() -> ApiProblem.notFound("no link " + id));
            Urn from = Urn.parse(link.fromUrn()).orElseThrow();
            Urn to = Urn.parse(link.toUrn()).orElseThrow();
            return mayChange(from, to).flatMap(x -> store.delete(caller, id));
        });
    }

    /** Links touching a record the caller can read, with the other end resolved; links to unreadable ends are left out. */
    Uni<ObjectNode> list(Urn record, Optional<String> type) {
        type.ifPresent(this::type);
        return reads.read(List.of(record)).flatMap(self -> {
            if (!self.containsKey(record.toString())) {
                throw ApiProblem.notFound("no record " + record);
            }
            return store.touching(caller, record.toString(), type, MAX_LINKS).flatMap(links -> {
                List<Urn> others = new ArrayList<>();
                links.forEach(l -> Urn.parse(l.fromUrn().equals(record.toString()) ? l.toUrn() : l.fromUrn()).ifPresent(others::add));
                return reads.read(others).map(readable -> {
                    Map<String, EntityReads.Found> found = new java.util.HashMap<>(readable);
                    found.putAll(self);
                    ObjectNode out = JsonNodeFactory.instance.objectNode();
                    out.put("record", record.toString());
                    ArrayNode items = out.putArray("items");
                    for (LinkStore.Link link : links) {
                        ObjectNode view = listed(link, record, found);
                        if (view != null) {
                            items.add(view);
                        }
                    }
                    return out;
                });
            });
        });
    }

    private ObjectNode listed(LinkStore.Link link, Urn record, Map<String, EntityReads.Found> found) {
        boolean outgoing = link.fromUrn().equals(record.toString());
        EntityReads.Found other = found.get(outgoing ? link.toUrn() : link.fromUrn());
        LinkType type = catalog.linkTypes().get(link.type());
        if (other == null || type == null) {
            return null;
        }
        ObjectNode view = base(link);
        view.put("direction", outgoing ? "outgoing" : "incoming").put("label", outgoing ? type.label() : type.inverseLabel());
        view.set("other", other.reference(catalog));
        return view;
    }

    private ObjectNode view(LinkStore.Link link, Urn from, Map<String, EntityReads.Found> ends) {
        ObjectNode view = base(link);
        view.set("fromRecord", ends.get(from.toString()).reference(catalog));
        view.set("toRecord", ends.get(link.toUrn()).reference(catalog));
        return view;
    }

    private static ObjectNode base(LinkStore.Link link) {
        ObjectNode view = JsonNodeFactory.instance.objectNode();
        view.put("id", link.id().toString()).put("type", link.type()).put("from", link.fromUrn()).put("to", link.toUrn())
                .put("created_by", link.createdBy()).put("created_at", link.createdAt().toString());
        return view;
    }

    /** Both ends readable (else 404), and the from end updatable by the caller (else 403). */
    private Uni<Map<String, EntityReads.Found>> mayChange(Urn from, Urn to) {
        return reads.read(List.of(from, to)).flatMap(ends -> {
            if (!ends.containsKey(from.toString())) {
                throw ApiProblem.notFound("no record " + from);
            }
            if (!ends.containsKey(to.toString())) {
                throw ApiProblem.notFound("no record " + to);
            }
            var entity = ends.get(from.toString()).entity();
            AccessDecision update = evaluator.decide(caller, catalog, entity, Operation.UPDATE);
            if (!update.allowed()) {
                throw forbidden(from);
            }
            return lookup.byIds(caller, entity, Set.of(from.id()), new Access(update.rows(), update.rows(), Set.of("id")))
                    .map(updatable -> {
                        if (updatable.isEmpty()) {
                            throw forbidden(from);
                        }
                        return ends;
                    });
        });
    }

    private static ApiProblem forbidden(Urn from) {
        return new ApiProblem(403, "forbidden", "Forbidden", "your roles do not allow changing the links of " + from, List.of());
    }

    private LinkType type(String name) {
        LinkType type = name == null ? null : catalog.linkTypes().get(name);
        if (type == null) {
            throw new ApiProblem(422, "validation", "Invalid link", "unknown link type '" + name + "'",
                    List.of(new Problem.Error("/type", null, "unknown", "expected one of " + catalog.linkTypes().keySet())));
        }
        return type;
    }

    private static Urn end(String text, String pointer) {
        return Urn.parse(text).orElseThrow(() -> new ApiProblem(422, "validation", "Invalid link", "a link end must be a record URN",
                List.of(new Problem.Error(pointer, null, "type", "expected urn:prm:{module}:{entity}:{id}"))));
    }
}
