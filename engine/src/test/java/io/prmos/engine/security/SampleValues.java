package io.prmos.engine.security;

import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.model.DictionaryDef;
import io.prmos.metadata.model.FieldType;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Valid values for any field of the sample manifests, derived from the field's type and limits, so
 * bodies can be generated for every entity. References are filled by {@code referenceTo}, which
 * gives the id of a live record of the target entity.
 */
final class SampleValues {

    private final PermissionOracle oracle;
    private final Function<EntityDescriptor, String> referenceTo;

    SampleValues(PermissionOracle oracle, Function<EntityDescriptor, String> referenceTo) {
        this.oracle = oracle;
        this.referenceTo = referenceTo;
    }

    /** The required fields without a default: the smallest body a create accepts. */
    Map<String, Object> minimalBody(EntityDescriptor entity) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (FieldDescriptor field : entity.fields()) {
            if (field.def().required() && field.def().defaultValue().isEmpty()) {
                body.put(field.name(), value(entity, field));
            }
        }
        return body;
    }

    Object value(EntityDescriptor entity, FieldDescriptor field) {
        FieldType type = field.type();
        if (type instanceof FieldType.Text) {
            int min = field.def().minLength().orElse(1);
            int max = field.def().maxLength().orElse(((FieldType.Text) type).maxLength());
            return letters(Math.max(min, Math.min(10, max)));
        }
        if (type instanceof FieldType.LongText) {
            return "long text " + letters(6);
        }
        if (type instanceof FieldType.IntegerType || type instanceof FieldType.BigIntType || type instanceof FieldType.DecimalType) {
            return field.def().min().orElse(BigDecimal.ONE).max(BigDecimal.ONE).intValue();
        }
        if (type instanceof FieldType.Money m) {
            return Map.of("amount", "12.50", "currency", m.currencies().isEmpty() ? "EUR" : m.currencies().get(0));
        }
        if (type instanceof FieldType.BooleanType) {
            return Boolean.TRUE;
        }
        if (type instanceof FieldType.DateType) {
            return "2024-03-15";
        }
        if (type instanceof FieldType.DateTime) {
            return "2024-03-15T10:15:30Z";
        }
        if (type instanceof FieldType.Email) {
            return letters(8).toLowerCase() + "@example.com";
        }
        if (type instanceof FieldType.Url) {
            return "https://example.com/" + letters(4).toLowerCase();
        }
        if (type instanceof FieldType.Phone) {
            return "+49301234567";
        }
        if (type instanceof FieldType.UuidType) {
            return UUID.randomUUID().toString();
        }
        if (type instanceof FieldType.Json) {
            return Map.of("note", "sample");
        }
        if (type instanceof FieldType.Dictionary d) {
            return dictionary(entity, d.dictionary()).get(0).code();
        }
        if (type instanceof FieldType.MultiDictionary d) {
            return List.of(dictionary(entity, d.dictionary()).get(0).code());
        }
        if (type instanceof FieldType.Reference ref) {
            return referenceTo.apply(oracle.catalog().target(entity.module(), ref));
        }
        throw new UnsupportedOperationException("no sample value for " + type);
    }

    /** A second valid code of a dictionary field, different from {@code code}. */
    String otherCode(EntityDescriptor entity, FieldDescriptor field, String code) {
        String dictionary = field.type() instanceof FieldType.Dictionary d ? d.dictionary() : null;
        return dictionary(entity, dictionary).stream().map(DictionaryDef.Value::code).filter(c -> !c.equals(code))
                .findFirst().orElseThrow();
    }

    private List<DictionaryDef.Value> dictionary(EntityDescriptor entity, String name) {
        DictionaryDef def = oracle.manifest(entity.module()).dictionaries().get(name);
        if (def == null) {
            throw new UnsupportedOperationException("dictionary " + name + " of another module");
        }
        return def.values();
    }

    static String letters(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        return out.toString();
    }
}
