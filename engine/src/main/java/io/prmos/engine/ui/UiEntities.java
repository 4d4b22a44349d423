package io.prmos.engine.ui;

import io.prmos.engine.api.ApiProblem;
import io.prmos.engine.security.AccessDecision;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.Operation;
import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import java.util.Optional;

/** Resolves qualified entity names ({@code partners.Partner}) the way the UI endpoints need them. */
final class UiEntities {

    private UiEntities() {
    }

    static Optional<EntityDescriptor> find(Catalog catalog, String qualified) {
        if (qualified == null) {
            return Optional.empty();
        }
        int dot = qualified.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        return catalog.module(qualified.substring(0, dot))
                .map(m -> m.entitiesByName().get(qualified.substring(dot + 1)));
    }

    /** The entity and the caller's read decision; an entity the caller may not read does not exist for them (404). */
    static EntityDescriptor readable(PermissionEvaluator evaluator, Catalog catalog, Caller caller, String qualified) {
        EntityDescriptor entity = find(catalog, qualified)
                .orElseThrow(() -> ApiProblem.notFound("no entity '" + qualified + "'; use a qualified name such as partners.Partner"));
        AccessDecision read = evaluator.decide(caller, catalog, entity, Operation.READ);
        if (!read.allowed()) {
            throw ApiProblem.notFound("no entity '" + qualified + "'");
        }
        return entity;
    }
}
