package io.prmos.engine.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.query.Urn;
import io.prmos.engine.security.AccessDecision;
import io.prmos.engine.security.Operation;
import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.engine.store.HierarchyStore;
import io.prmos.engine.store.KernelTenantFilter;
import io.prmos.engine.store.LinkStore;
import io.prmos.engine.store.PublicIds;
import io.prmos.engine.store.RecordLookup;
import io.prmos.engine.store.RecordReader;
import io.prmos.engine.store.TenantTransactions;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The entity registry's additions to the record API, kept out of {@link RecordResource}: ids
 * given as public ids, the optimistic-locking switch, hierarchy walks and a record's links.
 */
@ApplicationScoped
class RecordRelations {

    static final int DEFAULT_DEPTH = 5;

    enum Tree { CHILDREN, ANCESTORS, SUBTREE }

    @Inject
    TenantTransactions transactions;

    @Inject
    KernelTenantFilter tenantFilter;

    @Inject
    RecordReader reader;

    @Inject
    HierarchyStore hierarchy;

    @Inject
    LinkStore linkStore;

    @Inject
    RecordLookup lookup;

    @Inject
    PermissionEvaluator evaluator;

    @Inject
    io.prmos.engine.store.RecordKeys keys;

    /** Whether {@code text} names a record by its public id (which {@link #key} looks up) rather than by uuid. */
    boolean isPublicId(RecordResource.Target t, String text) {
        return io.prmos.engine.store.RecordKeys.isPublicId(t.entity(), text);
    }

    /** The uuid a path segment names: a uuid, or a public id such as {@code PRT-000123} of an entity that has them. */
    Uni<UUID> key(RecordResource.Target t, String text) {
        if (isPublicId(t, text)) {
            return keys.find(t.caller(), t.entity(), text).map(found -> found.orElseThrow(() -> t.missing(text)));
        }
        return Uni.createFrom().item(() -> t.id(text));
    }

    /**
     * If-Match under the entity's locking switch: ignored when {@code optimisticLock: false}; required
     * (428 without it) when {@code requireIfMatch: true}; otherwise honoured when sent (docs/adr/0032).
     */
    static OptionalLong expectedVersion(EntityDescriptor entity, String ifMatch) {
        if (!entity.options().optimisticLock()) {
            return OptionalLong.empty();
        }
        if (entity.options().requireIfMatch() && (ifMatch == null || ifMatch.isBlank())) {
            throw new ApiProblem(428, "precondition-required", "Precondition required", "writes to " + entity.qualifiedName()
                    + " need an If-Match header with the record's ETag (read the record first)", List.of());
        }
        return RecordResponses.ifMatch(ifMatch);
    }

    /** Without optimistic locking a response carries no ETag: there is nothing to send back in If-Match. */
    static Response locking(EntityDescriptor entity, Response response) {
        return entity.options().optimisticLock() ? response : Response.fromResponse(response).header(HttpHeaders.ETAG, null).build();
    }

    Uni<Response> tree(RecordResource.Target t, String id, Tree kind, String limitText, String depthText) {
        AccessDecision read = t.auth().require(Operation.READ);
        if (t.entity().hierarchyField().isEmpty()) {
            throw ApiProblem.notFound(t.entity().qualifiedName() + " has no hierarchy field");
        }
        int limit = bounded(limitText, "limit", 100, 1, 1000);
        int depth = bounded(depthText, "depth", DEFAULT_DEPTH, 1, HierarchyStore.MAX_DEPTH);
        var access = t.auth().access(read);
        return key(t, id).flatMap(uuid -> reader.get(t.caller(), t.entity(), uuid, access).flatMap(start -> {
            if (start.isEmpty()) {
                throw t.missing(id);
            }
            return switch (kind) {
                case CHILDREN -> hierarchy.children(t.caller(), t.entity(), uuid, access, limit);
                case ANCESTORS -> hierarchy.ancestors(t.caller(), t.entity(), uuid, access);
                case SUBTREE -> hierarchy.subtree(t.caller(), t.entity(), uuid, access, depth, limit);
            };
        })).map(items -> {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.put("hierarchy", t.entity().hierarchyField().get().name());
            out.putArray("items").addAll(items);
            return Response.ok(out, MediaType.APPLICATION_JSON_TYPE).build();
        });
    }

    Uni<Response> links(RecordResource.Target t, UUID id, String type) {
        Urn urn = new Urn(t.entity().module(), t.entity().path(), id);
        Links links = new Links(t.catalog(), t.caller(), evaluator, lookup, linkStore);
        return links.list(urn, Optional.ofNullable(type).filter(s -> !s.isBlank()))
                .map(body -> Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build());
    }

    static int bounded(String text, String name, int fallback, int min, int max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiProblem.badRequest("invalid-" + name, name + " must be an integer from " + min + " to " + max);
    }
}
