package io.prmos.engine.api;

import io.prmos.engine.registry.CatalogHolder;
import io.prmos.engine.security.AccessDecision;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.CallerResolver;
import io.prmos.engine.security.Operation;
import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.engine.store.RecordReader;
import io.prmos.metadata.catalog.Catalog;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** Resolves the entity a record request addresses, for the caller, in the catalog their tenant sees. */
@ApplicationScoped
class Targets {

    @Inject
    CatalogHolder catalogs;

    @Inject
    CallerResolver callers;

    @Inject
    PermissionEvaluator evaluator;

    @Inject
    RecordReader reader;

    RecordResource.Target resolve(String module, String entity) {
        return find(callers.current(), module, entity)
                .orElseThrow(() -> ApiProblem.notFound("no entity '" + entity + "' in module '" + module + "'"));
    }

    /** The entity as {@code caller} sees it in their tenant's catalog, or empty when there is none by that name. */
    java.util.Optional<RecordResource.Target> find(Caller caller, String module, String entity) {
        Catalog catalog = catalogs.forTenant(caller.tenant());
        return catalog.entity(module, entity).map(e -> new RecordResource.Target(catalog, catalog.module(module).orElseThrow(), e,
                caller, new Authorizer(evaluator, catalog, caller, e)));
    }

    /** A record the caller cannot read does not exist for them: 404 as for a random id. */
    Uni<Void> readable(RecordResource.Target t, UUID uuid, String id) {
        AccessDecision read = t.auth().require(Operation.READ);
        return reader.get(t.caller(), t.entity(), uuid, t.auth().access(read))
                .map(found -> {
                    if (found.isEmpty()) {
                        throw t.missing(id);
                    }
                    return null;
                });
    }
}
