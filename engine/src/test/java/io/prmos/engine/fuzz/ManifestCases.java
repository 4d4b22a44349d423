package io.prmos.engine.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.prmos.engine.fuzz.HttpCase.Header;
import io.prmos.engine.fuzz.HttpCase.Param;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Manifests a careless or hostile module author writes: the sample modules damaged as text (YAML
 * syntax, aliases, tags, NUL, truncation) or as a tree (values replaced by hostile ones, keys
 * removed or added, names made long, entities given hundreds of fields), sent to the publish
 * endpoint as dry runs only (never applied) and, in {@link ParserFuzzTest}, to the loader directly.
 */
final class ManifestCases {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();
    static final List<String> MODULES = List.of("organizations", "people", "partners", "deals");

    /** A manifest to try: its file name and text. */
    record Source(String file, String text) {
    }

    private final long seed;
    private final List<Source> samples = new ArrayList<>();
    private final List<JsonNode> trees = new ArrayList<>();

    ManifestCases(long seed, Path modules) {
        this.seed = seed;
        try {
            for (String module : MODULES) {
                String text = Files.readString(modules.resolve(module).resolve("module.yaml"));
                samples.add(new Source(module + "/module.yaml", text));
                trees.add(YAML.readTree(text));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A dry-run publish of one damaged manifest over HTTP. */
    HttpCase http(long index, String token) {
        Source source = source(Seeds.hostile(seed, "manifests", index));
        ObjectNode body = Hostile.NODES.objectNode();
        body.putArray("modules").addObject().put("file", source.file()).put("source", source.text());
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (IOException e) {
            json = "{}";
        }
        return HttpCase.withBody("manifests", index, "POST", "/api/admin/modules", List.of(Param.of("dryRun", "true")),
                List.of(new Header("Authorization", token), new Header("Content-Type", "application/json")), json);
    }

    Source source(long index) {
        return source(Seeds.hostile(seed, "manifests-in-process", index));
    }

    private Source source(Hostile h) {
        int which = h.random().nextInt(samples.size());
        Source sample = samples.get(which);
        if (h.chance(0.35)) {
            return new Source(sample.file(), text(h, sample.text()));
        }
        JsonNode tree = trees.get(which).deepCopy();
        int edits = h.between(1, 4);
        for (int i = 0; i < edits; i++) {
            tree = edit(h, tree);
        }
        try {
            String file = h.chance(0.5) ? sample.file() : sample.file().replace(".yaml", ".json");
            return new Source(h.chance(0.03) ? h.shortText() : file,
                    file.endsWith(".json") ? JSON.writeValueAsString(tree) : YAML.writeValueAsString(tree));
        } catch (IOException e) {
            return sample;
        }
    }

    private String text(Hostile h, String text) {
        return switch (h.between(0, 9)) {
            case 0 -> text.substring(0, h.random().nextInt(text.length() + 1));
            case 1 -> h.mutate(text);
            case 2 -> "a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n"
                    + "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
                    + "e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n" + text;
            case 3 -> text.replace("version: ", "version: !!java.net.URL ");
            case 4 -> text.replace("  ", "\t");
            case 5 -> text.replaceFirst("\n", Matcher.quoteReplacement("\n" + h.pick(List.of("<<: *x\n", "? [a]\n: b\n", "x: !!binary AAAA\n", "%YAML 1.1\n",
                    "---\n", "...\n", "\u0000\n", "x: " + "[".repeat(2000) + "\n"))));
            case 6 -> text + "\n" + "#".repeat(h.between(1, 5)) + h.text();
            case 7 -> text.replaceFirst(": \\{ type: text", Matcher.quoteReplacement(": { type: " + h.pick(List.of("text, maxLength: 1e999999999", "decimal, precision: 1e400",
                    "integer, min: -1e400", "money, currencies: [\u0000]", "text, pattern: \"(a+)+$\"", "text, maxLength: -1"))));
            case 8 -> "module: " + h.shortText() + "\n" + text;
            default -> text.replace("version: ", "version: " + h.pick(List.of("1.0.0-", "99999999999999999999.0.0", "v1", "\"\"", "1.0.0+\u0000")) + " #");
        };
    }

    /** One random change somewhere in the tree. */
    private JsonNode edit(Hostile h, JsonNode root) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = h.pick(containers);
        if (target instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.isEmpty() ? h.shortText() : h.pick(names);
            switch (h.between(0, 7)) {
                case 0 -> object.remove(name);
                case 1, 2 -> object.set(name, hostileValue(h));
                case 3 -> object.set(h.chance(0.5) ? h.shortText() : name + "_" + h.between(0, 9), object.path(name).deepCopy());
                case 4 -> object.set(h.pick(List.of("module", "version", "requires", "entities", "permissions", "roles", "events",
                        "dictionaries", "ui", "maxLength", "min", "max", "precision", "scale", "default", "formula", "rule", "where")), hostileValue(h));
                case 5 -> manyFields(h, object);
                case 6 -> {
                    JsonNode value = object.remove(name);
                    object.set(h.chance(0.5) ? "E" + "x".repeat(h.between(55, 80)) : h.shortText(), value);
                }
                default -> object.set(name, h.value(3));
            }
        } else if (target instanceof ArrayNode array) {
            if (array.isEmpty() || h.chance(0.5)) {
                array.add(hostileValue(h));
            } else {
                array.set(h.random().nextInt(array.size()), hostileValue(h));
            }
        }
        return root;
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collect(it.next(), out);
            }
        }
    }

    private JsonNode hostileValue(Hostile h) {
        return switch (h.between(0, 4)) {
            case 0 -> h.number();
            case 1 -> Hostile.NODES.textNode(h.text());
            case 2 -> Hostile.NODES.textNode(h.pick(List.of("text", "money", "reference", "all", "own", "none", "true", "^1.0", "1.0.0",
                    "partners.Partner", "Partner", "$user.id", "amount.amount > 0.0", "name eq 'x'", "[a-z]+", "90d", "-1d")));
            default -> h.value(3);
        };
    }

    /** An entity with hundreds or thousands of fields (PostgreSQL allows 1,600 columns). */
    private void manyFields(Hostile h, ObjectNode object) {
        ObjectNode fields = object.putObject("fields");
        int n = h.pick(List.of(10, 300, 1601, 2500));
        String type = h.pick(List.of("text", "money", "integer"));
        for (int i = 0; i < n; i++) {
            fields.putObject("f" + i).put("type", type);
        }
    }
}
