package io.prmos.metadata.overlay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.prmos.metadata.check.SemanticChecker;
import io.prmos.metadata.load.LoadResult;
import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.ManifestLoader;
import io.prmos.metadata.load.ManifestProblem;
import io.prmos.metadata.model.EntityDef;
import io.prmos.metadata.model.FieldAccess;
import io.prmos.metadata.model.FieldDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a custom field exactly as a declared one: the definition is placed into the owning
 * module's manifest, which is then loaded (JSON Schema of a field) and checked together with the
 * other installed modules (semantic rules: dictionaries resolve, defaults fit the type, bounds are
 * consistent...). Problems about the field come back with pointers into the request document
 * {@code {"entity", "name", "field", "access"}}, e.g. {@code /field/max}.
 *
 * <p>On top of the manifest rules, a custom field's name starts with {@link CustomField#PREFIX}, its
 * type has a JSONB representation ({@link #UNSUPPORTED_TYPES} are refused), and it cannot be
 * {@code unique} or {@code renamedFrom} anything.
 */
public final class CustomFieldCheck {

    public static final Pattern NAME = Pattern.compile("^cf_[a-z0-9_]{1,60}$");
    public static final Set<String> UNSUPPORTED_TYPES = Set.of("money", "reference", "json");
    private static final String FILE = "custom-field";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The checked field, or every problem found. */
    public record Result(Optional<CustomField> field, List<ManifestProblem> problems) {
        public boolean ok() {
            return field.isPresent();
        }
    }

    /**
     * @param installed the active modules' manifests
     * @param roles     roles declared by installed modules, which {@code access} may name
     */
    public Result check(List<ModuleText> installed, String entityRef, String name, JsonNode definition, JsonNode access,
                        Set<String> roles) {
        List<ManifestProblem> problems = new ArrayList<>();
        int dot = entityRef == null ? -1 : entityRef.indexOf('.');
        ModuleText owner = dot < 0 ? null : installed.stream()
                .filter(m -> m.module().equals(entityRef.substring(0, dot))).findFirst().orElse(null);
        if (owner == null) {
            problems.add(problem("/entity", "expected module.Entity of an installed module, got " + quoted(entityRef)));
            return new Result(Optional.empty(), problems);
        }
        String entity = entityRef.substring(dot + 1);
        if (name == null || !NAME.matcher(name).matches()) {
            problems.add(problem("/name", "a custom field name starts with '" + CustomField.PREFIX
                    + "' followed by lowercase letters, digits or underscores (at most 63 characters), got " + quoted(name)));
        }
        if (definition == null || !definition.isObject()) {
            problems.add(problem("/field", "expected the field definition as an object, e.g. {\"type\": \"text\"}"));
        } else {
            customRules(definition, problems);
        }
        Map<String, FieldAccess> accessByRole = access(access, roles, problems);
        if (!problems.isEmpty()) {
            return new Result(Optional.empty(), problems);
        }
        return spliced(installed, owner, entity, name, (ObjectNode) definition, accessByRole);
    }

    private static void customRules(JsonNode definition, List<ManifestProblem> problems) {
        String type = definition.path("type").asText("");
        if (UNSUPPORTED_TYPES.contains(type)) {
            problems.add(problem("/field/type", "type '" + type + "' is not available for custom fields; use one of text, "
                    + "longtext, integer, bigint, decimal, boolean, date, datetime, email, url, phone, uuid, dictionary, multidictionary"));
        }
        if (definition.path("unique").asBoolean(false)) {
            problems.add(problem("/field/unique", "custom fields cannot be unique"));
        }
        if (definition.has("renamedFrom")) {
            problems.add(problem("/field/renamedFrom", "custom fields cannot be renamed from another field"));
        }
    }

    private static Map<String, FieldAccess> access(JsonNode access, Set<String> roles, List<ManifestProblem> problems) {
        Map<String, FieldAccess> out = new LinkedHashMap<>();
        if (access == null || access.isNull() || access.isMissingNode()) {
            return out;
        }
        if (!access.isObject()) {
            problems.add(problem("/access", "expected a map of role → hidden, read or write"));
            return out;
        }
        access.fields().forEachRemaining(e -> {
            String pointer = "/access/" + e.getKey();
            if (!roles.contains(e.getKey())) {
                problems.add(problem(pointer, "role '" + e.getKey() + "' is not declared by an installed module"));
            }
            String value = e.getValue().asText("");
            switch (value) {
                case "hidden", "read", "write" -> out.put(e.getKey(), FieldAccess.valueOf(value.toUpperCase(Locale.ROOT)));
                default -> problems.add(problem(pointer, "expected one of [hidden, read, write], got " + quoted(value)));
            }
        });
        return out;
    }

    private Result spliced(List<ModuleText> installed, ModuleText owner, String entity, String name, ObjectNode definition,
                           Map<String, FieldAccess> access) {
        ObjectNode root;
        try {
            root = (ObjectNode) (owner.file().endsWith(".json") ? JSON : YAML).readTree(owner.text());
        } catch (Exception e) {
            throw new IllegalStateException("installed manifest of " + owner.module() + " does not parse", e);
        }
        JsonNode entityNode = root.path("entities").path(entity);
        if (!entityNode.isObject()) {
            return new Result(Optional.empty(), List.of(problem("/entity", "entity '" + entity + "' is not declared in module '"
                    + owner.module() + "'")));
        }
        if (entityNode.path("fields").has(name)) {
            return new Result(Optional.empty(), List.of(problem("/name", "'" + name + "' is already a field of "
                    + owner.module() + "." + entity)));
        }
        ((ObjectNode) entityNode.path("fields")).set(name, definition);
        String prefix = "/entities/" + entity + "/fields/" + name;
        ManifestLoader loader = new ManifestLoader();
        LoadResult result = loader.loadString(root.toString(), owner.module() + ".json");
        if (result instanceof LoadResult.Failed failed) {
            return new Result(Optional.empty(), relative(failed.problems(), prefix));
        }
        LoadedManifest candidate = ((LoadResult.Loaded) result).manifest();
        List<LoadedManifest> set = new ArrayList<>();
        set.add(candidate);
        for (ModuleText other : installed) {
            if (!other.module().equals(owner.module()) && loader.loadString(other.text(), other.file()) instanceof LoadResult.Loaded l) {
                set.add(l.manifest());
            }
        }
        List<ManifestProblem> problems = relative(new SemanticChecker().check(set), prefix);
        if (!problems.isEmpty()) {
            return new Result(Optional.empty(), problems);
        }
        EntityDef def = candidate.manifest().entities().get(entity);
        FieldDef field = def.fields().get(name);
        return new Result(Optional.of(new CustomField(owner.module(), entity, field, access)), List.of());
    }

    /** Keeps the problems about the spliced field, with pointers into the request document. */
    private static List<ManifestProblem> relative(List<ManifestProblem> problems, String prefix) {
        List<ManifestProblem> out = new ArrayList<>();
        for (ManifestProblem p : problems) {
            if (p.pointer().equals(prefix) || p.pointer().startsWith(prefix + "/")) {
                out.add(problem("/field" + p.pointer().substring(prefix.length()), p.message()));
            }
        }
        if (out.isEmpty() && !problems.isEmpty()) {
            out.add(problem("/field", "the module does not accept this field: " + problems.get(0).message()));
        }
        return out;
    }

    private static ManifestProblem problem(String pointer, String message) {
        return new ManifestProblem(FILE, 1, 1, pointer, message);
    }

    private static String quoted(String s) {
        return s == null ? "nothing" : "'" + s + "'";
    }
}
