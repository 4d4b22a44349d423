package io.prmos.engine.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.prmos.engine.api.ApiProblem;
import io.prmos.engine.api.Problem;
import io.prmos.engine.registry.CatalogHolder;
import io.prmos.engine.security.Caller;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.model.EventsDef;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Emits custom events declared under {@code events.publishes} of the active catalog: the payload
 * must satisfy the event's JSON Schema (422 otherwise), then the event is written to the outbox on
 * the caller's connection. Who may emit is the caller's business (hooks always may; the REST
 * resource checks the event's {@code emit} roles).
 */
@ApplicationScoped
public class CatalogEventEmitter implements EventEmitter {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @Inject
    CatalogHolder catalogs;

    private final OutboxWriter writer = new OutboxWriter();
    /** Compiled payload schemas by catalog fingerprint and event; a new catalog compiles afresh. */
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    @Override
    public Uni<Void> emit(SqlConnection connection, Caller caller, String event, ObjectNode payload) {
        return emitted(connection, caller, event, payload).replaceWithVoid();
    }

    /** As {@link #emit}, answering the new event's id. */
    public Uni<UUID> emitted(SqlConnection connection, Caller caller, String event, ObjectNode payload) {
        UUID id = UUID.randomUUID();
        return Uni.createFrom().item(() -> validated(catalogs.current(), event, payload))
                .flatMap(type -> writer.write(connection, new NewEvent(id, caller.tenant(), type,
                        type.substring(0, type.indexOf('.')), null, null, subject(payload), null, caller.user(), payload)))
                .replaceWith(id);
    }

    /** The declared event, or a 404 problem; the payload checked against its schema, or a 422 problem. */
    public static EventsDef.Published declared(Catalog catalog, String event) {
        int dot = event.indexOf('.');
        if (dot < 1) {
            throw ApiProblem.notFound("no custom event '" + event + "'; name it as module.Event");
        }
        return catalog.module(event.substring(0, dot))
                .flatMap(m -> m.manifest().events().published(event.substring(dot + 1)))
                .orElseThrow(() -> ApiProblem.notFound("no module publishes the custom event '" + event + "'"));
    }

    String validated(Catalog catalog, String event, ObjectNode payload) {
        EventsDef.Published declared = declared(catalog, event);
        if (payload == null) {
            throw invalid(event, List.of(new Problem.Error("", null, "required", "a JSON object payload is required")));
        }
        Schema schema = compiled.computeIfAbsent(catalog.fingerprint() + "/" + event, k -> SCHEMAS.getSchema(declared.schema()));
        List<Error> errors = schema.validate(payload);
        if (!errors.isEmpty()) {
            throw invalid(event, errors.stream().map(e -> new Problem.Error(e.getInstanceLocation().toString(), null,
                    e.getKeyword(), e.getMessage())).toList());
        }
        return event;
    }

    private static ApiProblem invalid(String event, List<Problem.Error> errors) {
        return new ApiProblem(422, "invalid-event-payload", "Invalid event payload",
                "the payload does not match the schema of " + event, errors);
    }

    /** A custom event is about a record when its payload names one by URN (first URN-valued property). */
    private static String subject(ObjectNode payload) {
        for (var field : payload.properties()) {
            if (field.getValue().isTextual() && field.getValue().asText().startsWith("urn:prm:")) {
                return field.getValue().asText();
            }
        }
        return null;
    }
}
