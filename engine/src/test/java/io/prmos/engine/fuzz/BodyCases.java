package io.prmos.engine.fuzz;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.fuzz.HttpCase.Header;
import io.prmos.engine.fuzz.HttpCase.Param;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.model.FieldType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Write requests with JSON bodies: records (create, patch, put, bulk, import) whose fields get
 * plausible or hostile values of the field's type, and the JSON bodies of every other endpoint
 * (API keys, webhooks, saved views, custom fields as dry runs, dictionaries, resolve, links,
 * events, transitions, actions). A share of bodies is broken JSON, deeply nested, or has duplicate keys.
 */
final class BodyCases {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SYSTEM = List.of("id", "tenant_id", "version", "created_at", "created_by", "updated_at",
            "updated_by", "deleted_at", "urn", "public_id", "public_seq", "search_vector");
    private static final List<String> CODES = List.of("registered", "silver", "gold", "platinum", "emea", "amer", "apac", "software",
            "qualified", "won", "partner_sourced", "co_sell", "reseller", "smb");

    private final FuzzTargets targets;
    private final long seed;

    BodyCases(FuzzTargets targets, long seed) {
        this.targets = targets;
        this.seed = seed;
    }

    HttpCase make(long index) {
        Hostile h = Seeds.hostile(seed, "bodies", index);
        FuzzTargets.Target t = h.pick(targets.targets);
        String id = !t.ids().isEmpty() && h.chance(0.8) ? h.pick(t.ids()) : UUID.randomUUID().toString();
        List<Param> q = new ArrayList<>();
        String method = "POST";
        String path;
        JsonNode body;
        int kind = h.between(0, 19);
        if (kind < 5) {
            path = t.collection();
            body = record(h, t, true);
        } else if (kind < 8) {
            method = h.chance(0.7) ? "PATCH" : "PUT";
            path = t.collection() + "/" + id;
            body = record(h, t, method.equals("PUT"));
        } else if (kind < 10) {
            path = t.collection() + "/bulk";
            body = bulk(h, t);
        } else if (kind < 11) {
            path = t.collection() + "/import";
            q.add(Param.of("dryRun", h.chance(0.9) ? "true" : h.pick(List.of("false", "", "yes"))));
            ArrayNode rows = Hostile.NODES.arrayNode();
            for (int i = h.between(0, 4); i > 0; i--) {
                rows.add(record(h, t, true));
            }
            body = Hostile.NODES.objectNode().set("rows", h.chance(0.95) ? rows : h.value(2));
        } else {
            String[] endpoint = other(h, t, id, q);
            method = endpoint[0];
            path = endpoint[1];
            body = h.chance(0.8) ? otherBody(h, t, path) : h.value(3);
        }
        return HttpCase.withBody("bodies", index, method, path, q, headers(h), text(h, body));
    }

    private List<Header> headers(Hostile h) {
        String role = h.chance(0.8) ? "manager" : h.pick(List.of("rep", "viewer", "other-tenant"));
        return List.of(new Header("Authorization", targets.tokens.get(role)),
                new Header("Content-Type", h.chance(0.9) ? "application/json" : h.pick(List.of("application/json; charset=utf-8",
                        "application/merge-patch+json", "application/json;charset=UTF-8"))));
    }

    /** The body as text: usually the tree (sometimes with every non-ASCII character escaped), sometimes broken. */
    private String text(Hostile h, JsonNode body) {
        try {
            String valid = h.chance(0.5) ? JSON.writeValueAsString(body)
                    : JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(body);
            if (h.chance(0.05) && valid.startsWith("{") && valid.length() > 2) {
                // a duplicate key in front of the real members
                return "{\"" + h.pick(List.of("name", "data", "op", "score", "operations", "rows")) + "\":1," + valid.substring(1);
            }
            return h.chance(0.2) ? h.brokenJson(valid) : valid;
        } catch (Exception e) {
            return "{}";
        }
    }

    // ---- records ----

    ObjectNode record(Hostile h, FuzzTargets.Target t, boolean complete) {
        ObjectNode out = Hostile.NODES.objectNode();
        for (FieldDescriptor f : t.fields()) {
            if (h.chance(complete ? 0.7 : 0.25)) {
                out.set(f.name(), h.chance(0.75) ? plausible(h, f) : hostile(h, f));
            }
        }
        if (h.chance(0.08)) {
            out.set(h.pick(SYSTEM), h.value(1));
        }
        if (h.chance(0.05)) {
            out.set(h.shortText(), h.value(1));
        }
        return out;
    }

    private JsonNode plausible(Hostile h, FieldDescriptor f) {
        FieldType type = f.type();
        if (type instanceof FieldType.Money) {
            return Hostile.NODES.objectNode().put("amount", h.between(0, 100_000)).put("currency", h.pick(List.of("EUR", "USD", "GBP")));
        }
        if (type instanceof FieldType.IntegerType || type instanceof FieldType.BigIntType) {
            return Hostile.NODES.numberNode(h.between(0, 100));
        }
        if (type instanceof FieldType.DecimalType) {
            return Hostile.NODES.numberNode(new java.math.BigDecimal(h.between(0, 99) + "." + h.between(0, 99)));
        }
        if (type instanceof FieldType.BooleanType) {
            return Hostile.NODES.booleanNode(h.random().nextBoolean());
        }
        if (type instanceof FieldType.DateType) {
            return Hostile.NODES.textNode("2026-0" + h.between(1, 9) + "-1" + h.between(0, 9));
        }
        if (type instanceof FieldType.DateTime) {
            return Hostile.NODES.textNode("2026-03-1" + h.between(0, 9) + "T10:00:00Z");
        }
        if (type instanceof FieldType.Reference) {
            List<String> ids = targets.targets.stream().flatMap(x -> x.ids().stream()).toList();
            return Hostile.NODES.textNode(h.chance(0.8) && !ids.isEmpty() ? h.pick(ids) : UUID.randomUUID().toString());
        }
        if (type instanceof FieldType.UuidType) {
            return Hostile.NODES.textNode(UUID.randomUUID().toString());
        }
        if (type instanceof FieldType.Dictionary) {
            return Hostile.NODES.textNode(h.pick(CODES));
        }
        if (type instanceof FieldType.MultiDictionary) {
            return Hostile.NODES.arrayNode().add(h.pick(CODES)).add(h.pick(CODES));
        }
        if (type instanceof FieldType.Email) {
            return Hostile.NODES.textNode("fuzz" + h.between(0, 999) + "@example.org");
        }
        if (type instanceof FieldType.Url) {
            return Hostile.NODES.textNode("https://example.org/" + h.between(0, 999));
        }
        if (type instanceof FieldType.Phone) {
            return Hostile.NODES.textNode("+49 30 " + h.between(1000, 9999));
        }
        if (type instanceof FieldType.Json) {
            return h.value(3);
        }
        return Hostile.NODES.textNode("fuzz " + h.shortText().replace("\u0000", ""));
    }

    private JsonNode hostile(Hostile h, FieldDescriptor f) {
        if (f.type() instanceof FieldType.Money && h.chance(0.6)) {
            ObjectNode money = Hostile.NODES.objectNode();
            money.set("amount", h.chance(0.7) ? h.number() : h.value(1));
            money.set("currency", h.chance(0.7) ? Hostile.NODES.textNode(h.shortText()) : h.value(1));
            if (h.chance(0.1)) {
                money.set(h.shortText(), h.value(1));
            }
            return money;
        }
        return switch (h.between(0, 3)) {
            case 0 -> h.number();
            case 1 -> Hostile.NODES.textNode(h.text());
            default -> h.value(2);
        };
    }

    private JsonNode bulk(Hostile h, FuzzTargets.Target t) {
        ArrayNode operations = Hostile.NODES.arrayNode();
        int n = h.chance(0.02) ? h.between(1001, 1100) : h.between(0, 5);
        for (int i = 0; i < n; i++) {
            ObjectNode op = operations.addObject();
            boolean create = h.chance(0.6);
            op.put("op", h.chance(0.95) ? (create ? "create" : "update") : h.shortText());
            if (!create) {
                op.set("id", h.chance(0.8) && !t.ids().isEmpty() ? Hostile.NODES.textNode(h.pick(t.ids())) : h.value(1));
                if (h.chance(0.5)) {
                    op.set("ifMatch", h.chance(0.5) ? Hostile.NODES.numberNode(h.between(0, 5)) : h.value(1));
                }
            }
            op.set("data", h.chance(0.9) ? record(h, t, create) : h.value(2));
            if (h.chance(0.05)) {
                op.set(h.shortText(), h.value(1));
            }
        }
        return Hostile.NODES.objectNode().set("operations", h.chance(0.95) ? operations : h.value(2));
    }

    // ---- the other JSON endpoints ----

    private String[] other(Hostile h, FuzzTargets.Target t, String id, List<Param> q) {
        return switch (h.between(0, 12)) {
            case 0 -> new String[] {"POST", "/api/admin/api-keys"};
            case 1 -> new String[] {"POST", "/api/admin/webhooks"};
            case 2 -> new String[] {"PUT", "/api/admin/webhooks/" + UUID.randomUUID()};
            case 3 -> new String[] {"POST", "/api/v1/ui/views"};
            case 4 -> new String[] {"PUT", "/api/v1/ui/views/" + UUID.randomUUID()};
            case 5 -> {
                q.add(Param.of("dryRun", "true"));
                yield new String[] {"POST", "/api/admin/custom-fields"};
            }
            case 6 -> new String[] {h.pick(List.of("POST", "PUT")), "/api/admin/dictionaries/" + h.pick(List.of("partner_tier", "industry", "segment",
                    Encoding.component(h.shortText()))) + "/values"};
            case 7 -> new String[] {"POST", "/api/v1/resolve"};
            case 8 -> new String[] {"POST", "/api/v1/links"};
            case 9 -> new String[] {"POST", "/api/v1/events/" + h.pick(List.of("partners.PartnerTierChanged", "deals.DealWon",
                    Encoding.component(h.shortText())))};
            case 10 -> new String[] {"POST", t.collection() + "/" + id + "/transitions/" + h.pick(List.of("qualify", "win", "lose",
                    Encoding.component(h.shortText())))};
            case 11 -> new String[] {"POST", t.collection() + "/" + id + "/actions/" + Encoding.component(h.pick(List.of("recalculate", h.shortText())))};
            default -> new String[] {"POST", "/api/dev-identity/token"};
        };
    }

    private JsonNode otherBody(Hostile h, FuzzTargets.Target t, String path) {
        ObjectNode b = Hostile.NODES.objectNode();
        if (path.startsWith("/api/admin/api-keys")) {
            b.set("name", string(h, "fuzz key"));
            b.set("roles", h.chance(0.7) ? Hostile.NODES.arrayNode().add(h.pick(List.of("partner_viewer", "sales_rep", "admin", h.shortText())))
                    : h.value(2));
        } else if (path.startsWith("/api/admin/webhooks")) {
            b.set("name", string(h, "fuzz hook"));
            b.set("events", string(h, h.pick(List.of("partners.*", "deals.DealWon", "*"))));
            b.set("url", string(h, "http://127.0.0.1:9/fuzz"));
            if (h.chance(0.3)) {
                b.set("active", h.value(0));
            }
        } else if (path.startsWith("/api/v1/ui/views")) {
            b.set("entity", string(h, t.entity().qualifiedName()));
            b.set("name", string(h, "fuzz view"));
            b.set("filter", h.chance(0.5) ? Hostile.NODES.textNode(t.fields().get(0).name() + " eq '" + h.shortText().replace("'", "''") + "'")
                    : h.value(1));
            b.set("sort", h.chance(0.6) ? Hostile.NODES.arrayNode().add(h.pick(List.of("name", "-score", h.shortText()))) : h.value(1));
            b.set("columns", h.chance(0.6) ? Hostile.NODES.arrayNode().add("name").add(h.shortText()) : h.value(1));
            b.set("isDefault", h.value(0));
        } else if (path.startsWith("/api/admin/custom-fields")) {
            b.set("entity", string(h, t.entity().qualifiedName()));
            b.set("name", string(h, "cf_fuzz_" + h.between(0, 99)));
            ObjectNode field = b.putObject("field");
            field.set("type", string(h, h.pick(List.of("text", "integer", "money", "dictionary", "json", "decimal"))));
            field.set("label", string(h, "Fuzz"));
            if (h.chance(0.4)) {
                field.set(h.pick(List.of("min", "max", "maxLength", "precision", "scale", "default", "pattern")), h.chance(0.5) ? h.number() : h.value(1));
            }
            if (h.chance(0.3)) {
                b.set("access", h.value(2));
            }
        } else if (path.startsWith("/api/admin/dictionaries")) {
            b.set("code", string(h, "fuzz_" + h.between(0, 99)));
            b.set("label", string(h, "Fuzz"));
            if (h.chance(0.3)) {
                b.set("codes", h.value(2));
            }
        } else if (path.startsWith("/api/v1/resolve")) {
            ArrayNode urns = b.putArray("urns");
            for (int i = h.between(0, 5); i > 0; i--) {
                urns.add(h.chance(0.5) ? "urn:prm:" + t.module() + ":" + t.path() + ":" + (t.ids().isEmpty() ? UUID.randomUUID() : h.pick(t.ids()))
                        : h.text());
            }
        } else if (path.startsWith("/api/v1/links")) {
            b.set("type", string(h, "related"));
            b.set("from", string(h, "urn:prm:partners:partner:" + UUID.randomUUID()));
            b.set("to", string(h, "urn:prm:organizations:organization:" + UUID.randomUUID()));
        } else if (path.startsWith("/api/v1/events")) {
            b.set("partner", string(h, "urn:prm:partners:partner:" + UUID.randomUUID()));
            b.set("to", string(h, "gold"));
            if (h.chance(0.3)) {
                b.set(h.shortText(), h.value(2));
            }
        } else if (path.startsWith("/api/dev-identity")) {
            b.set("username", string(h, h.pick(List.of("alice", "nobody"))));
        } else {
            for (int i = h.between(0, 3); i > 0; i--) {
                b.set(h.shortText(), h.value(2));
            }
        }
        return b;
    }

    private static JsonNode string(Hostile h, String plausible) {
        return h.chance(0.5) ? Hostile.NODES.textNode(plausible) : h.chance(0.7) ? Hostile.NODES.textNode(h.text()) : h.value(1);
    }
}
