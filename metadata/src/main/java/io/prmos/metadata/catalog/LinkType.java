package io.prmos.metadata.catalog;

import io.prmos.metadata.model.LinkTypeDef;

/** A link type resolved against the catalog: {@code deals.co_sell} from {@code partners.Partner} to {@code deals.Deal}. */
public record LinkType(String qualifiedName, LinkTypeDef def, EntityDescriptor from, EntityDescriptor to) {

    public String label() {
        return def.label();
    }

    public String inverseLabel() {
        return def.inverseLabel();
    }
}
