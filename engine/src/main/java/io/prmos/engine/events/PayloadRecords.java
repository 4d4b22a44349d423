package io.prmos.engine.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.engine.api.ApiProblem;
import io.prmos.engine.api.Problem;
import io.prmos.engine.query.Urn;
import io.prmos.engine.security.AccessDecision;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.Operation;
import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.engine.store.Access;
import io.prmos.engine.store.RecordReader;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The records a custom event's payload names must be records the caller can read, in the caller's
 * tenant: an event is evidence about its subject (subscribers, automations and webhooks act on it),
 * so nobody may emit one about a record of another tenant or one hidden from them. Every string of
 * the payload that starts with {@code urn:prm:} is checked; a missing, foreign and unreadable record
 * are refused alike (422), so the check reveals nothing about records the caller cannot see.
 */
final class PayloadRecords {

    /** A payload naming more records than this is refused rather than costing a lookup each. */
    static final int MAX_URNS = 100;

    private record Named(String pointer, String text) {
    }

    private PayloadRecords() {
    }

    static Uni<Void> check(PermissionEvaluator evaluator, RecordReader reader, Catalog catalog, Caller caller, String event,
                           JsonNode payload) {
        List<Named> named = new ArrayList<>();
        collect(payload, "", named);
        if (named.size() > MAX_URNS) {
            throw invalid(event, List.of(new Problem.Error("", null, "too-many-records",
                    "a payload may name at most " + MAX_URNS + " records, this one names " + named.size())));
        }
        List<Problem.Error> errors = new ArrayList<>();
        return Multi.createFrom().iterable(named)
                .onItem().transformToUniAndConcatenate(n -> readable(evaluator, reader, catalog, caller, n.text())
                        .invoke(ok -> {
                            if (!ok) {
                                errors.add(new Problem.Error(n.pointer(), null, "unknown-record", "'" + n.text()
                                        + "' names no record you can read"));
                            }
                        }))
                .collect().last()
                .invoke(x -> {
                    if (!errors.isEmpty()) {
                        throw invalid(event, errors);
                    }
                })
                .replaceWithVoid();
    }

    private static Uni<Boolean> readable(PermissionEvaluator evaluator, RecordReader reader, Catalog catalog, Caller caller,
                                         String text) {
        Optional<Urn> urn = Urn.parse(text);
        Optional<EntityDescriptor> entity = urn.flatMap(u -> u.entityIn(catalog));
        if (entity.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        AccessDecision read = evaluator.decide(caller, catalog, entity.get(), Operation.READ);
        if (!read.allowed()) {
            return Uni.createFrom().item(false);
        }
        return reader.get(caller, entity.get(), urn.get().id(), new Access(read.rows(), read.rows(), Set.of("id")))
                .map(Optional::isPresent);
    }

    private static void collect(JsonNode node, String pointer, List<Named> out) {
        if (node == null) {
            return;
        }
        if (node.isTextual() && node.asText().startsWith("urn:prm:")) {
            out.add(new Named(pointer, node.asText()));
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                collect(field.getValue(), pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1"), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, out);
            }
        }
    }

    private static ApiProblem invalid(String event, List<Problem.Error> errors) {
        return new ApiProblem(422, "invalid-event-payload", "Invalid event payload",
                "the payload of " + event + " names records that cannot be used", errors);
    }
}
