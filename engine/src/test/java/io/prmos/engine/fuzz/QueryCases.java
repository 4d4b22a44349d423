package io.prmos.engine.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.fuzz.HttpCase.Header;
import io.prmos.engine.fuzz.HttpCase.Param;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.model.FieldType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Read requests: list filters (generated from the grammar of docs/query.md over the entity's real
 * fields, then damaged), sort, fields, expand, limit, total, deleted, forged and mutated cursors,
 * CSV export, quick find, search, activity, recycle bin, history, trees and saved-view lists.
 */
final class QueryCases {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OPERATORS = List.of("eq", "ne", "lt", "lte", "gt", "gte", "contains", "startsWith");
    private static final List<String> SYSTEM = List.of("id", "version", "created_at", "created_by", "updated_at", "updated_by",
            "deleted_at", "tenant_id", "urn", "public_id", "search_vector");

    private final FuzzTargets targets;
    private final long seed;

    QueryCases(FuzzTargets targets, long seed) {
        this.targets = targets;
        this.seed = seed;
    }

    HttpCase filter(long index) {
        Hostile h = Seeds.hostile(seed, "filters", index);
        FuzzTargets.Target t = h.pick(targets.targets);
        List<Param> query = new ArrayList<>();
        if (h.chance(0.9)) {
            int style = h.between(0, 9);
            query.add(Param.of("filter", style < 5 ? plausibleFilter(h, t) : style < 8 ? filterText(h, t, 0) : h.mutate(filterText(h, t, 0))));
        }
        if (h.chance(0.4)) {
            query.add(Param.of("sort", sortText(h, t)));
        }
        if (h.chance(0.25)) {
            query.add(Param.of("fields", String.join(",", h.pick(List.of(List.of(field(h, t)), List.of(field(h, t), field(h, t)),
                    List.of("", "id"), List.of(h.shortText()))))));
        }
        if (h.chance(0.2)) {
            query.add(Param.of("expand", h.chance(0.6) ? field(h, t) : h.shortText()));
        }
        if (h.chance(0.2)) {
            query.add(Param.of("limit", h.chance(0.5) ? h.numberText() : h.shortText()));
        }
        if (h.chance(0.15)) {
            query.add(Param.of("total", h.pick(List.of("exact", "estimate", "none", "EXACT", h.shortText()))));
        }
        if (h.chance(0.1)) {
            query.add(Param.of("deleted", h.pick(List.of("include", "only", "exclude", h.shortText()))));
        }
        if (h.chance(0.05)) {
            query.add(new Param(h.pick(List.of("filter", "sort", "limit")), h.pick(List.of("%zz", "%", "%0", "%00", "%C0%80", "%ED%A0%80", "%FF")), true));
        }
        String path = t.collection() + (h.chance(0.12) ? "/export" : "");
        return HttpCase.get("filters", index, path, query, auth(h));
    }

    HttpCase cursor(long index) {
        Hostile h = Seeds.hostile(seed, "cursors", index);
        List<Param> query = new ArrayList<>();
        FuzzTargets.IssuedCursor issued = targets.cursors.isEmpty() ? null : h.pick(targets.cursors);
        String sort = issued == null ? "" : issued.sort();
        if (!sort.isEmpty() && h.chance(0.9)) {
            query.add(Param.of("sort", sort));
        }
        query.add(Param.of("cursor", issued == null ? h.shortText() : forged(h, issued.cursor(), sort)));
        if (h.chance(0.1)) {
            query.add(Param.of("filter", "score gte 0"));
        }
        String path = h.chance(0.85) ? "/api/v1/partners/partner" + (h.chance(0.1) ? "/export" : "")
                : h.pick(List.of("/api/v1/activity", "/api/v1/recycle-bin", "/api/v1/partners/partner/" + h.pick(ids()) + "/history",
                "/api/v1/events"));
        return HttpCase.get("cursors", index, path, query, auth(h));
    }

    /** Other read endpoints with hostile parameters. */
    HttpCase other(long index) {
        Hostile h = Seeds.hostile(seed, "reads", index);
        FuzzTargets.Target t = h.pick(targets.targets);
        String id = h.chance(0.7) && !t.ids().isEmpty() ? h.pick(t.ids()) : h.shortText();
        List<Param> q = new ArrayList<>();
        String path = switch (h.between(0, 11)) {
            case 0 -> { q.add(Param.of("q", h.shortText())); q.add(Param.of("limit", h.numberText())); yield "/api/v1/ui/quickfind"; }
            case 1 -> { q.add(Param.of("q", h.shortText())); if (h.chance(0.5)) q.add(Param.of("entity", entityName(h))); yield "/api/v1/search"; }
            case 2 -> {
                for (String p : List.of("actor", "action", "entity", "after", "limit", "cursor")) {
                    if (h.chance(0.4)) q.add(Param.of(p, p.equals("entity") && h.chance(0.5) ? entityName(h) : h.shortText()));
                }
                yield "/api/v1/activity";
            }
            case 3 -> { if (h.chance(0.6)) q.add(Param.of("entity", entityName(h))); if (h.chance(0.5)) q.add(Param.of("limit", h.numberText())); yield "/api/v1/recycle-bin"; }
            case 4 -> { q.add(Param.of("limit", h.numberText())); q.add(Param.of("cursor", h.shortText())); yield t.collection() + "/" + segment(h, id) + "/history"; }
            case 5 -> { q.add(Param.of("depth", h.numberText())); q.add(Param.of("limit", h.numberText())); yield t.collection() + "/" + segment(h, id) + h.pick(List.of("/subtree", "/children", "/ancestors")); }
            case 6 -> { if (h.chance(0.5)) q.add(Param.of("type", h.shortText())); yield t.collection() + "/" + segment(h, id) + "/links"; }
            case 7 -> { q.add(Param.of("expand", h.chance(0.5) ? field(h, t) : h.shortText())); yield t.collection() + "/" + segment(h, id); }
            case 8 -> { q.add(Param.of("entity", h.chance(0.5) ? entityName(h) : h.shortText())); yield "/api/v1/ui/views"; }
            case 9 -> { for (String p : List.of("type", "after", "limit", "module")) if (h.chance(0.4)) q.add(Param.of(p, h.shortText())); yield "/api/v1/events"; }
            case 10 -> "/api/v1/" + segment(h, h.pick(List.of(t.module(), h.shortText()))) + "/" + segment(h, h.pick(List.of(t.path(), h.shortText())));
            default -> { if (h.chance(0.5)) q.add(Param.of("version", h.shortText())); yield "/api/admin/modules/" + segment(h, h.pick(List.of("partners", h.shortText())))
                    + h.pick(List.of("/history", "/manifest", "/dependents")); }
        };
        return HttpCase.get("reads", index, path, q, auth(h));
    }

    private List<String> ids() {
        return targets.targets.stream().flatMap(t -> t.ids().stream()).toList();
    }

    private static String segment(Hostile h, String text) {
        return h.chance(0.1) ? h.pick(List.of("%00", "%zz", "..", "%2F", "%C0%80")) + Encoding.component(text) : Encoding.component(text);
    }

    private String entityName(Hostile h) {
        FuzzTargets.Target t = h.pick(targets.targets);
        return h.pick(List.of(t.entity().qualifiedName(), t.module() + "." + t.path(), t.module(), t.entity().qualifiedName() + "x"));
    }

    List<Header> auth(Hostile h) {
        String role = h.chance(0.7) ? "manager" : h.pick(List.of("rep", "viewer", "other-tenant"));
        return List.of(new Header("Authorization", targets.tokens.get(role)));
    }

    // ---- the filter language ----

    /** Predicates on filterable fields with operators and literals of the field's type, joined by and/or. */
    String plausibleFilter(Hostile h, FuzzTargets.Target t) {
        List<FieldDescriptor> filterable = t.fields().stream().filter(f -> f.def().filterable()).toList();
        if (filterable.isEmpty()) {
            return "id isNull false";
        }
        StringBuilder out = new StringBuilder();
        for (int i = h.between(1, 3); i > 0; i--) {
            if (out.length() > 0) {
                out.append(h.chance(0.6) ? " and " : " or ");
            }
            out.append(predicate(h, h.pick(filterable)));
        }
        return out.toString();
    }

    private String predicate(Hostile h, FieldDescriptor f) {
        FieldType type = f.type();
        String name = f.name();
        if (type instanceof FieldType.Money) {
            return h.chance(0.5) ? name + ".amount " + h.pick(List.of("gt", "lte", "eq")) + " " + h.numberText()
                    : name + ".currency eq " + quoted(h, h.pick(List.of("EUR", "USD", h.shortText())));
        }
        if (type instanceof FieldType.IntegerType || type instanceof FieldType.BigIntType || type instanceof FieldType.DecimalType) {
            return name + " " + h.pick(List.of("gt", "gte", "lt", "eq", "ne")) + " " + (h.chance(0.7) ? h.numberText() : quoted(h, h.numberText()));
        }
        if (type instanceof FieldType.DateType || type instanceof FieldType.DateTime) {
            return name + " " + h.pick(List.of("gt", "lt", "eq")) + " " + quoted(h, h.pick(List.of("2026-01-31", "2026-01-31T10:00:00Z",
                    "+999999999-12-31", "2026-13-01", h.shortText())));
        }
        if (type instanceof FieldType.BooleanType) {
            return name + " eq " + h.pick(List.of("true", "false", "'true'"));
        }
        if (type instanceof FieldType.Reference || type instanceof FieldType.UuidType) {
            return name + " " + h.pick(List.of("eq", "ne")) + " " + quoted(h, h.chance(0.7) ? UUID.randomUUID().toString() : h.shortText());
        }
        if (type instanceof FieldType.Dictionary || type instanceof FieldType.MultiDictionary) {
            return name + " in (" + quoted(h, h.pick(List.of("gold", "emea", "registered", "won"))) + ", " + quoted(h, h.shortText()) + ")";
        }
        return name + " " + h.pick(List.of("eq", "contains", "startsWith", "ne")) + " " + quoted(h, h.shortText());
    }

    String filterText(Hostile h, FuzzTargets.Target t, int depth) {
        if (depth < 40 && h.chance(depth < 3 ? 0.35 : 0.05)) {
            return switch (h.between(0, 3)) {
                case 0 -> filterText(h, t, depth + 1) + " and " + filterText(h, t, depth + 1);
                case 1 -> filterText(h, t, depth + 1) + " or " + filterText(h, t, depth + 1);
                case 2 -> "not " + filterText(h, t, depth + 1);
                default -> "(" + filterText(h, t, depth + 1) + ")";
            };
        }
        if (h.chance(0.01)) {
            return "(".repeat(h.between(30, 200)) + "id isNull" + ")".repeat(h.between(0, 200));
        }
        String path = field(h, t);
        return switch (h.between(0, 5)) {
            case 0 -> path + " isNull" + h.pick(List.of("", " true", " false", " maybe"));
            case 1, 2 -> {
                StringBuilder in = new StringBuilder(path).append(h.chance(0.5) ? " in (" : " nin (");
                int n = h.chance(0.02) ? h.between(200, 1200) : h.between(1, 4);
                for (int i = 0; i < n; i++) {
                    in.append(i == 0 ? "" : ",").append(literal(h, t, path));
                }
                yield in.append(h.chance(0.95) ? ")" : "").toString();
            }
            default -> path + " " + (h.chance(0.95) ? h.pick(OPERATORS) : h.shortText()) + " " + literal(h, t, path);
        };
    }

    /** A field path: mostly a real field of the entity (or a part of a composite one), sometimes a system column or nonsense. */
    String field(Hostile h, FuzzTargets.Target t) {
        int pick = h.between(0, 9);
        if (pick < 6) {
            FieldDescriptor f = h.pick(t.fields());
            if (f.type() instanceof FieldType.Money && h.chance(0.6)) {
                return f.name() + h.pick(List.of(".amount", ".currency", ".nope"));
            }
            if (f.type() instanceof FieldType.Reference && h.chance(0.3)) {
                return f.name() + "." + h.pick(List.of("name", "id", "notes", "tier", "x"));
            }
            return f.name();
        }
        if (pick < 9) {
            return h.pick(SYSTEM);
        }
        return h.chance(0.5) ? h.shortText() : "a".repeat(h.between(60, 70));
    }

    private String literal(Hostile h, FuzzTargets.Target t, String path) {
        return switch (h.between(0, 7)) {
            case 0, 1 -> quoted(h, h.text().length() > 500 ? h.shortText() : h.text());
            case 2 -> h.numberText();
            case 3 -> h.pick(List.of("true", "false", "null", "$user.id", "$user.tenant", "$user.roles", "$user.name", "$user", "$nope.x"));
            case 4 -> quoted(h, UUID.randomUUID().toString());
            case 5 -> quoted(h, h.pick(List.of("2026-01-31", "2026-01-31T10:00:00Z", "gold", "EUR", "registered", "emea", "acme")));
            case 6 -> "'" + h.shortText();
            default -> h.shortText();
        };
    }

    private static String quoted(Hostile h, String text) {
        return h.chance(0.8) ? "'" + text.replace("'", "''") + "'" : "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private String sortText(Hostile h, FuzzTargets.Target t) {
        int n = h.between(1, 4);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add(h.pick(List.of("", "-", "+", "--")) + field(h, t));
        }
        return h.chance(0.9) ? String.join(",", keys) : h.mutate(String.join(",", keys));
    }

    // ---- cursors ----

    String forged(Hostile h, String real, String sort) {
        switch (h.between(0, 6)) {
            case 0:
                return h.mutate(real);
            case 1:
                return Base64.getUrlEncoder().withoutPadding().encodeToString(h.randomText(h.between(1, 80)).getBytes(StandardCharsets.UTF_8));
            case 2:
                return h.pick(List.of("", "!!!", "e30", "W10", "bnVsbA", "eyJzIjoxfQ", real + "=", real.substring(0, real.length() / 2)));
            default:
                break;
        }
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(real));
            ArrayNode values = (ArrayNode) root.get("v");
            switch (h.between(0, 5)) {
                case 0 -> values.set(h.random().nextInt(values.size()), h.value(2));
                case 1 -> values.set(h.random().nextInt(values.size()), Hostile.NODES.textNode(h.text()));
                case 2 -> values.set(h.random().nextInt(values.size()), Hostile.NODES.textNode(h.numberText()));
                case 3 -> values.add(h.value(1));
                case 4 -> root.set("s", h.value(1));
                default -> root.set(h.pick(List.of("v", "x", "s")), h.value(2));
            }
            byte[] json = h.chance(0.5) ? JSON.writeValueAsBytes(root)
                    : JSON.writer().with(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsBytes(root);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
        } catch (Exception e) {
            return real;
        }
    }

}
