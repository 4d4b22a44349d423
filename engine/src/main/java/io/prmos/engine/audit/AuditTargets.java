package io.prmos.engine.audit;

import io.prmos.engine.api.ApiProblem;
import io.prmos.engine.query.SystemFields;
import io.prmos.engine.security.AccessDecision;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Resolving the entities, ids and paging parameters the audit endpoints name. */
final class AuditTargets {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private AuditTargets() {
    }

    static EntityDescriptor entity(Catalog catalog, String module, String entity) {
        return catalog.entity(module, entity).orElseThrow(() -> ApiProblem.notFound("no entity '" + entity + "' in module '" + module + "'"));
    }

    /** {@code partners.Partner} or {@code partners.partner}; a 400 when it names no installed entity. */
    static Optional<EntityDescriptor> qualified(Catalog catalog, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        int dot = text.indexOf('.');
        String module = dot < 0 ? "" : text.substring(0, dot);
        String name = text.substring(dot + 1);
        return Optional.of(catalog.module(module).flatMap(m -> m.entities().stream()
                        .filter(e -> e.name().equals(name) || e.path().equals(name)).findFirst())
                .orElseThrow(() -> ApiProblem.badRequest("invalid-query", "entity must name an installed entity as module.Entity, not '"
                        + text + "'")));
    }

    static UUID id(EntityDescriptor entity, String text) {
        try {
            if (text != null && text.length() == 36) {
                return UUID.fromString(text);
            }
        } catch (IllegalArgumentException e) {
            // an id that is not a uuid names no record
        }
        throw ApiProblem.notFound("no " + entity.qualifiedName() + " with id " + text);
    }

    static ApiProblem missing(EntityDescriptor entity, String text) {
        return ApiProblem.notFound("no " + entity.qualifiedName() + " with id " + text);
    }

    static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiProblem.badRequest("invalid-query", "limit must be an integer from 1 to " + MAX_LIMIT);
    }

    /** A cursor is the id of the last entry of the previous page. */
    static Optional<Long> cursor(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("invalid-query", "cursor is not one this endpoint issued");
        }
    }

    /** What a record shown to this reader may contain: system fields and the visible declared fields. */
    static Set<String> projection(AccessDecision read) {
        Set<String> fields = new HashSet<>(SystemFields.ORDER);
        fields.addAll(read.visibleFields());
        return fields;
    }

    static <T> Optional<T> last(List<T> items, int limit) {
        return items.size() == limit && !items.isEmpty() ? Optional.of(items.get(items.size() - 1)) : Optional.empty();
    }
}
