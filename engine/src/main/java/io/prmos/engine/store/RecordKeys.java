package io.prmos.engine.store;

import io.prmos.engine.security.Caller;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/**
 * The record a URL's {@code {id}} segment names: a uuid, or a public id such as {@code PRT-000123}
 * of an entity that has them — the same for every endpoint that takes a record id (docs/registry.md).
 */
@ApplicationScoped
public class RecordKeys {

    @Inject
    TenantTransactions transactions;

    @Inject
    KernelTenantFilter tenantFilter;

    /** Whether {@code text} is a public id of the entity (which needs a look-up) rather than a uuid. */
    public static boolean isPublicId(EntityDescriptor entity, String text) {
        var publicId = entity.options().publicId();
        return publicId.isPresent() && publicId.get().parse(text) >= 0;
    }

    /** A uuid as it is; a public id looked up in the caller's tenant; anything else names nothing. */
    public Uni<Optional<UUID>> find(Caller caller, EntityDescriptor entity, String text) {
        if (isPublicId(entity, text)) {
            return PublicIds.find(transactions, tenantFilter, caller, entity, text);
        }
        return Uni.createFrom().item(uuid(text));
    }

    static Optional<UUID> uuid(String text) {
        try {
            return text != null && text.length() == 36 ? Optional.of(UUID.fromString(text)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
