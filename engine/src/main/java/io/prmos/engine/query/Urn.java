package io.prmos.engine.query;

import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a record across modules: {@code urn:prm:{module}:{entity}:{id}}, where entity is the
 * snake_case path used in URLs ({@code urn:prm:partners:partner:8c0e…}) and id the record's uuid.
 */
public record Urn(String module, String entity, UUID id) {

    private static final Pattern FORM = Pattern.compile("^urn:prm:([a-z][a-z0-9_]{0,62}):([a-z][a-z0-9_]{0,62}):([0-9a-fA-F-]{36})$");

    public static Urn of(EntityDescriptor entity, String id) {
        return new Urn(entity.module(), entity.path(), UUID.fromString(id));
    }

    /** Parses the text form; empty when it is not a well-formed URN. */
    public static Optional<Urn> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Urn(m.group(1), m.group(2), UUID.fromString(m.group(3))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static boolean looksLikeUrn(String text) {
        return text != null && text.startsWith("urn:");
    }

    /** The entity the URN names in a catalog, if it is installed. */
    public Optional<EntityDescriptor> entityIn(Catalog catalog) {
        return catalog.entity(module, entity);
    }

    public boolean names(EntityDescriptor target) {
        return module.equals(target.module()) && entity.equals(target.path());
    }

    /** The record's URL path in the REST API. */
    public String link() {
        return "/api/v1/" + module + "/" + entity + "/" + id;
    }

    @Override
    public String toString() {
        return "urn:prm:" + module + ":" + entity + ":" + id;
    }
}
