package io.prmos.engine.tasks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.query.Urn;
import io.prmos.engine.registry.CatalogHolder;
import io.prmos.engine.security.AccessDecision;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.Operation;
import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.engine.store.Access;
import io.prmos.engine.store.RecordReader;
import io.prmos.metadata.catalog.Catalog;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Reads the record a URN names as a caller would through the API: their read permission, their rows,
 * their visible fields. A record they may not read is reported exactly like a missing one.
 */
@ApplicationScoped
public class RecordUrns {

    @Inject
    CatalogHolder catalogs;

    @Inject
    PermissionEvaluator evaluator;

    @Inject
    RecordReader reader;

    public Uni<Optional<ObjectNode>> read(Caller caller, String text) {
        Optional<Urn> urn = Urn.parse(text);
        Catalog catalog = catalogs.forTenant(caller.tenant());
        var entity = urn.flatMap(u -> u.entityIn(catalog));
        if (entity.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        AccessDecision read = evaluator.decide(caller, catalog, entity.get(), Operation.READ);
        if (!read.allowed()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return reader.get(caller, entity.get(), urn.get().id(), new Access(read.rows(), read.rows(), read.projection()));
    }
}
