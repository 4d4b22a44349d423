package io.prmos.metadata.catalog;

import io.prmos.metadata.model.FieldType;
import io.prmos.metadata.model.LinkTypeDef;
import io.prmos.metadata.model.Manifest;
import java.util.ArrayList;
import java.util.List;

/**
 * Impact analysis: what other modules of a catalog depend on one module's entities — reference
 * fields pointing at them and link types naming them. Events will add subscriptions as another kind.
 */
public final class Dependents {

    /** One dependency: {@code kind} is {@code reference} or {@code link}; {@code source} names the dependent's field or link type. */
    public record Dependency(String module, String kind, String source, String target) {
    }

    private Dependents() {
    }

    /** Every dependency of other modules on {@code module}, in catalog order. */
    public static List<Dependency> of(Catalog catalog, String module) {
        List<Dependency> out = new ArrayList<>();
        for (ModuleDescriptor other : catalog.modules()) {
            if (other.name().equals(module)) {
                continue;
            }
            for (EntityDescriptor entity : other.entities()) {
                for (FieldDescriptor field : entity.fields()) {
                    if (field.type() instanceof FieldType.Reference ref && ref.targetModule(other.name()).equals(module)) {
                        out.add(new Dependency(other.name(), "reference", entity.name() + "." + field.name(),
                                module + "." + ref.targetEntity()));
                    }
                }
            }
            Manifest manifest = other.manifest();
            for (LinkTypeDef link : manifest.links().values()) {
                for (String end : List.of(link.from(), link.to())) {
                    if (end.startsWith(module + ".")) {
                        out.add(new Dependency(other.name(), "link", other.name() + "." + link.name(), end));
                    }
                }
            }
        }
        return out;
    }
}
