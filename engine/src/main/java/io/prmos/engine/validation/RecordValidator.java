package io.prmos.engine.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.catalog.ModuleDescriptor;
import io.prmos.metadata.model.FieldDef;
import io.prmos.metadata.model.FieldType;
import io.prmos.metadata.naming.Names;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates a request body against an entity's field metadata and returns typed values per field.
 * Every violation is collected; nothing is written unless the whole body is valid.
 */
public final class RecordValidator {

    private final Map<String, Pattern> patterns = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param pointerPrefix prefix of every violation pointer, e.g. {@code ""} or {@code /operations/3/data}
     * @param visible       fields the caller may see: any other field is unknown to them
     * @param writable      fields the caller may write: other visible fields are read-only to them
     * @return typed values by field, in declaration order; a null value clears the field
     */
    public Map<FieldDescriptor, Object> validate(ModuleDescriptor module, EntityDescriptor entity, JsonNode body,
                                                 WriteMode mode, String pointerPrefix,
                                                 java.util.Set<String> visible, java.util.Set<String> writable) {
        List<Violation> violations = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new ValidationException(List.of(new Violation(pointerPrefix.isEmpty() ? "/" : pointerPrefix,
                    "type", "expected a JSON object with the record's fields")));
        }
        ObjectNode object = (ObjectNode) body;
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (Names.isSetBySystem(name)) {
                // like any field the caller cannot set: refused, not silently ignored (docs/manifest.md)
                violations.add(new Violation(pointerPrefix + "/" + escape(name), "readOnly",
                        "'" + name + "' is set by the system and cannot be written"));
            } else if (entity.field(name).isEmpty() || !visible.contains(name)) {
                violations.add(new Violation(pointerPrefix + "/" + escape(name), "unknown",
                        "unknown field '" + name + "' of " + entity.qualifiedName()));
            }
        }
        Map<FieldDescriptor, Object> values = new LinkedHashMap<>();
        for (FieldDescriptor field : entity.fields()) {
            String pointer = pointerPrefix + "/" + field.name();
            JsonNode node = object.get(field.name());
            boolean mayWrite = writable.contains(field.name()) && !field.def().readOnly();
            if (node == null || !visible.contains(field.name()) || isInitialState(entity, field, node, mode)) {
                missing(field, mode, mayWrite, pointer, values, violations);
            } else if (!mayWrite) {
                violations.add(new Violation(pointer, "readOnly", "'" + field.name() + "' is read-only"));
            } else if (node.isNull()) {
                if (field.def().required()) {
                    violations.add(new Violation(pointer, "required", "'" + field.name() + "' is required"));
                } else {
                    values.put(field, null);
                }
            } else {
                checked(module, field, node, pointer, violations).ifPresent(v -> values.put(field, v));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return values;
    }

    /**
     * A create that names the workflow's initial state (as a client echoing the form's default does)
     * asks for what the create does anyway (workflow.InitialStateStage): it is accepted and left to
     * that stage. Any other state is still refused as read-only (docs/adr/0053).
     */
    private static boolean isInitialState(EntityDescriptor entity, FieldDescriptor field, JsonNode node, WriteMode mode) {
        return mode == WriteMode.CREATE && node.isTextual() && entity.def().workflow()
                .filter(w -> w.field().equals(field.name()) && w.initial().equals(node.asText())).isPresent();
    }

    private void missing(FieldDescriptor field, WriteMode mode, boolean mayWrite, String pointer,
                         Map<FieldDescriptor, Object> values, List<Violation> violations) {
        if (mode == WriteMode.PATCH || (mode == WriteMode.REPLACE && !mayWrite) || field.def().readOnly()) {
            return;
        }
        if (field.def().defaultValue().isPresent()) {
            ValueParser.Parsed parsed = ValueParser.parse(field.type(), field.def().defaultValue().get());
            values.put(field, parsed.value());
        } else if (field.def().required()) {
            violations.add(new Violation(pointer, "required", "'" + field.name() + "' is required"));
        } else if (mode == WriteMode.REPLACE) {
            values.put(field, null);
        }
    }

    private java.util.Optional<Object> checked(ModuleDescriptor module, FieldDescriptor field, JsonNode node,
                                               String pointer, List<Violation> violations) {
        String wrongTarget = urnTargetProblem(module, field, node);
        if (wrongTarget != null) {
            violations.add(new Violation(pointer, "reference", wrongTarget));
            return java.util.Optional.empty();
        }
        ValueParser.Parsed parsed = ValueParser.parse(field.type(), node);
        if (parsed.failed()) {
            violations.add(new Violation(pointer, "type", parsed.error()));
            return java.util.Optional.empty();
        }
        String problem = constraintProblem(module, field.def(), parsed.value());
        if (problem != null) {
            violations.add(new Violation(pointer, "constraint", problem));
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(parsed.value());
    }

    /** A URN given for a reference must name the reference's target entity. */
    private static String urnTargetProblem(ModuleDescriptor module, FieldDescriptor field, JsonNode node) {
        if (!(field.type() instanceof FieldType.Reference ref) || !node.isTextual() || !io.prmos.engine.query.Urn.looksLikeUrn(node.textValue())) {
            return null;
        }
        var urn = io.prmos.engine.query.Urn.parse(node.textValue());
        String targetModule = ref.targetModule(module.name());
        String targetEntity = Names.snakeCase(ref.targetEntity());
        if (urn.isEmpty()) {
            return "expected the id (uuid) or URN of a record";
        }
        if (!urn.get().module().equals(targetModule) || !urn.get().entity().equals(targetEntity)) {
            return "the URN names a " + urn.get().module() + ":" + urn.get().entity() + " record; '" + field.name()
                    + "' references " + targetModule + "." + ref.targetEntity();
        }
        return null;
    }

    private String constraintProblem(ModuleDescriptor module, FieldDef def, Object value) {
        if (value instanceof String text) {
            return textProblem(module, def, text);
        }
        if (value instanceof List<?> codes && def.type() instanceof FieldType.MultiDictionary md) {
            for (Object code : codes) {
                String problem = dictionaryProblem(module, md.dictionary(), (String) code);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        BigDecimal number = value instanceof Number n ? new BigDecimal(n.toString())
                : value instanceof Money m ? m.amount() : null;
        if (number != null) {
            if (def.min().isPresent() && number.compareTo(def.min().get()) < 0) {
                return "must be at least " + def.min().get().toPlainString();
            }
            if (def.max().isPresent() && number.compareTo(def.max().get()) > 0) {
                return "must be at most " + def.max().get().toPlainString();
            }
        }
        return null;
    }

    private String textProblem(ModuleDescriptor module, FieldDef def, String text) {
        int length = text.codePointCount(0, text.length());
        int maxLength = def.maxLength().orElse(typeMaxLength(def.type()));
        if (length > maxLength) {
            return "must be at most " + maxLength + " characters";
        }
        if (def.minLength().isPresent() && length < def.minLength().get()) {
            return "must be at least " + def.minLength().get() + " characters";
        }
        if (def.required() && text.isBlank()) {
            return "must not be blank";
        }
        if (def.pattern().isPresent()
                && !patterns.computeIfAbsent(def.pattern().get(), Pattern::compile).matcher(text).find()) {
            return "must match the pattern " + def.pattern().get();
        }
        if (def.type() instanceof FieldType.Dictionary d) {
            return dictionaryProblem(module, d.dictionary(), text);
        }
        if (text.indexOf('\u0000') >= 0) {
            return "must not contain NUL characters";
        }
        return null;
    }

    private static int typeMaxLength(FieldType type) {
        if (type instanceof FieldType.Text t) return t.maxLength();
        if (type instanceof FieldType.Email) return FieldType.Email.MAX_LENGTH;
        if (type instanceof FieldType.Url) return FieldType.Url.MAX_LENGTH;
        if (type instanceof FieldType.Phone) return FieldType.Phone.MAX_LENGTH;
        if (type instanceof FieldType.Dictionary) return 63;
        return 10_485_760;
    }

    private static String dictionaryProblem(ModuleDescriptor module, String dictionary, String code) {
        return module.dictionary(dictionary).filter(d -> d.hasCode(code)).isPresent() ? null
                : "'" + code + "' is not a value of " + dictionary + " (expected one of "
                + module.dictionary(dictionary).map(d -> d.values().stream().map(v -> v.code()).toList().toString()).orElse("[]") + ")";
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
