package io.prmos.engine.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.api.ApiProblem;
import io.prmos.engine.hooks.ActionRunner;
import io.prmos.engine.query.BoundFilter;
import io.prmos.engine.query.ListQuery;
import io.prmos.engine.query.ListQueryParser;
import io.prmos.engine.query.Urn;
import io.prmos.engine.security.AccessDecision;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.Operation;
import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.engine.store.Access;
import io.prmos.engine.store.RecordReader;
import io.prmos.engine.store.RecordWriter;
import io.prmos.engine.validation.RecordValidator;
import io.prmos.engine.validation.WriteMode;
import io.prmos.engine.workflow.Transitions;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.model.ActionDef;
import io.prmos.metadata.model.Transition;
import io.smallrye.mutiny.Uni;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * Entity tools, executed exactly as the REST resources execute the same request: the permission
 * evaluator decides (403 when the operation is not granted), the validator checks the body against the
 * fields the principal may write, and the record reader and writer do the rest — with their row
 * predicates, row-level security, rules, hooks, history, activity and events.
 */
final class EntityToolCalls {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BoundFilter NO_ROWS = new BoundFilter.IsNull("id", true, false);

    private final PermissionEvaluator evaluator;
    private final RecordReader reader;
    private final RecordWriter writer;
    private final RecordValidator validator;
    private final Transitions transitions;
    private final ActionRunner actions;

    EntityToolCalls(PermissionEvaluator evaluator, RecordReader reader, RecordWriter writer, RecordValidator validator,
                    Transitions transitions, ActionRunner actions) {
        this.evaluator = evaluator;
        this.reader = reader;
        this.writer = writer;
        this.validator = validator;
        this.transitions = transitions;
        this.actions = actions;
    }

    Uni<ObjectNode> call(Caller caller, Catalog catalog, Tool tool, JsonNode args) {
        EntityDescriptor e = tool.entity();
        return switch (tool.operation()) {
            case "search" -> search(caller, catalog, e, args);
            case "get" -> get(caller, catalog, e, args);
            case "create" -> create(caller, catalog, e, args);
            case "update" -> update(caller, catalog, e, args);
            case "transition" -> transition(caller, catalog, e, args, tool.command());
            default -> action(caller, catalog, e, args, tool.command());
        };
    }

    private Uni<ObjectNode> search(Caller caller, Catalog catalog, EntityDescriptor e, JsonNode args) {
        AccessDecision read = require(caller, catalog, e, Operation.READ);
        String limit = args.hasNonNull("limit") ? args.get("limit").asText() : "20";
        ListQuery query = ListQueryParser.parse(e, read.visibleFields(), text(args, "filter"), text(args, "sort"), limit, null, null, null);
        return reader.list(caller, e, query, access(caller, catalog, e, read)).map(page -> {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.putArray("items").addAll(page.items());
            out.put("more", page.nextCursor().isPresent());
            return out;
        });
    }

    private Uni<ObjectNode> get(Caller caller, Catalog catalog, EntityDescriptor e, JsonNode args) {
        AccessDecision read = require(caller, catalog, e, Operation.READ);
        UUID id = id(e, args);
        return reader.get(caller, e, id, access(caller, catalog, e, read))
                .map(found -> found.orElseThrow(() -> missing(e, id)));
    }

    private Uni<ObjectNode> create(Caller caller, Catalog catalog, EntityDescriptor e, JsonNode args) {
        AccessDecision create = require(caller, catalog, e, Operation.CREATE);
        var values = validator.validate(catalog.module(e.module()).orElseThrow(), e, args, WriteMode.CREATE, "",
                known(caller, catalog, e, create), create.writableFields());
        return writer.create(caller, catalog, e, values, access(caller, catalog, e, create));
    }

    private Uni<ObjectNode> update(Caller caller, Catalog catalog, EntityDescriptor e, JsonNode args) {
        AccessDecision update = require(caller, catalog, e, Operation.UPDATE);
        UUID id = id(e, args);
        JsonNode values = args.has("values") ? args.get("values") : JsonNodeFactory.instance.objectNode();
        var typed = validator.validate(catalog.module(e.module()).orElseThrow(), e, values, WriteMode.PATCH, "/values",
                known(caller, catalog, e, update), update.writableFields());
        return writer.update(caller, catalog, e, id, typed, OptionalLong.empty(), access(caller, catalog, e, update));
    }

    private Uni<ObjectNode> transition(Caller caller, Catalog catalog, EntityDescriptor e, JsonNode args, String name) {
        Transition t = e.def().workflow().map(w -> w.transitions().get(name)).orElseThrow();
        Transitions.checkRoles(caller, t);
        Optional<BoundFilter> scope = t.rowScope() == Transition.RowScope.READ && !t.roles().isEmpty()
                ? Optional.empty() : require(caller, catalog, e, Operation.UPDATE).rows();
        UUID id = id(e, args);
        AccessDecision read = require(caller, catalog, e, Operation.READ);
        return readable(caller, catalog, e, id, read).flatMap(x -> transitions.perform(caller, catalog, e, id, t, scope))
                .map(after -> {
                    ObjectNode out = after.deepCopy();
                    out.retain(read.projection());
                    return out;
                });
    }

    private Uni<ObjectNode> action(Caller caller, Catalog catalog, EntityDescriptor e, JsonNode args, String name) {
        ActionDef a = e.def().actions().get(name);
        if (a.roles().stream().noneMatch(caller.roles()::contains)) {
            throw new ApiProblem(403, "forbidden", "Forbidden", "action '" + name + "' needs one of the roles " + a.roles(), List.of());
        }
        JsonNode input = args.has("input") ? args.get("input") : JsonNodeFactory.instance.objectNode();
        actions.validateInput(a, input);
        UUID id = id(e, args);
        AccessDecision read = require(caller, catalog, e, Operation.READ);
        return readable(caller, catalog, e, id, read).flatMap(x -> actions.run(caller, catalog, e, id, a, input))
                .map(result -> {
                    ObjectNode out = JsonNodeFactory.instance.objectNode().put("action", name);
                    out.set("result", JSON.valueToTree(result));
                    return out;
                });
    }

    private Uni<Void> readable(Caller caller, Catalog catalog, EntityDescriptor e, UUID id, AccessDecision read) {
        return reader.get(caller, e, id, access(caller, catalog, e, read)).map(found -> {
            if (found.isEmpty()) {
                throw missing(e, id);
            }
            return null;
        });
    }

    private AccessDecision require(Caller caller, Catalog catalog, EntityDescriptor e, Operation operation) {
        AccessDecision decision = evaluator.decide(caller, catalog, e, operation);
        if (!decision.allowed()) {
            throw new ApiProblem(403, "forbidden", "Forbidden", "your roles do not allow " + operation.name().toLowerCase()
                    + " on " + e.qualifiedName(), List.of());
        }
        return decision;
    }

    /** As the REST API's Authorizer: the operation's rows, the rows the principal can read, and what responses show. */
    private Access access(Caller caller, Catalog catalog, EntityDescriptor e, AccessDecision decision) {
        AccessDecision read = evaluator.decide(caller, catalog, e, Operation.READ);
        Optional<BoundFilter> readable = read.allowed() ? read.rows() : Optional.of(NO_ROWS);
        return new Access(decision.rows(), readable, read.projection());
    }

    private Set<String> known(Caller caller, Catalog catalog, EntityDescriptor e, AccessDecision write) {
        Set<String> fields = new HashSet<>(evaluator.decide(caller, catalog, e, Operation.READ).visibleFields());
        fields.addAll(write.writableFields());
        return fields;
    }

    private static UUID id(EntityDescriptor e, JsonNode args) {
        String text = text(args, "id");
        if (text == null) {
            throw new ApiProblem(422, "validation", "Invalid arguments", "id is required", List.of());
        }
        Optional<Urn> urn = Urn.parse(text);
        if (urn.isPresent()) {
            if (!urn.get().names(e)) {
                throw new ApiProblem(422, "validation", "Invalid arguments", text + " is not a URN of a " + e.qualifiedName(), List.of());
            }
            return urn.get().id();
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException ex) {
            throw ApiProblem.notFound("no " + e.qualifiedName() + " with id " + text);
        }
    }

    private static ApiProblem missing(EntityDescriptor e, UUID id) {
        return ApiProblem.notFound("no " + e.qualifiedName() + " with id " + id);
    }

    private static String text(JsonNode args, String name) {
        JsonNode v = args.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }
}
