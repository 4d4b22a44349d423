package io.prmos.engine.events.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.api.ApiProblem;
import io.prmos.engine.api.Problem;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.CallerResolver;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Admin API for the caller's tenant's webhook subscriptions: create (the secret is answered once),
 * list, read, replace, delete; the delivery log of one subscription and redelivery of one delivery.
 * Requires the tenant role {@code admin}. Manifest-declared webhooks are not managed here. A URL whose
 * host is a loopback, private or link-local address is refused unless the operator allows such
 * targets ({@link WebhookTargets}).
 */
@Path("/api/admin/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN_ROLE)
public class WebhookResource {

    private static final Pattern EVENT_PATTERN = Pattern.compile("^(\\*|[a-z][a-z0-9_]*\\.(\\*|[A-Z][A-Za-z0-9]*\\*?))$");
    private static final Set<String> STATUSES = Set.of("pending", "delivered", "dead");

    @Inject
    CallerResolver callers;

    @Inject
    Pool pool;

    @Inject
    WebhookDispatcher dispatcher;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "prm.webhooks.allow-private-targets", defaultValue = "false")
    boolean allowPrivateTargets;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @io.smallrye.common.annotation.Blocking // the URL's host name is resolved to check the target
    public Uni<Response> create(JsonNode body) {
        Caller caller = callers.current();
        Fields f = Fields.of(body, new WebhookTargets(allowPrivateTargets));
        String secret = body.hasNonNull("secret") ? body.get("secret").asText() : WebhookSignature.newSecret();
        if (!WebhookSignature.isValidSecret(secret)) {
            throw invalid("/secret", "a secret is whsec_ followed by at least 16 base64-encoded bytes; leave it out to have one generated");
        }
        UUID id = UUID.randomUUID();
        return pool.preparedQuery(WebhookStatements.INSERT).execute(Tuple.tuple().addUUID(id).addString(caller.tenant())
                        .addString(f.name).addString(f.pattern).addString(f.url).addString(secret).addString("api")
                        .addString(null).addBoolean(f.active).addString(caller.user()))
                .flatMap(x -> one(id, caller))
                .map(out -> Response.status(201).entity(out.put("secret", secret)).header("Location", "/api/admin/webhooks/" + id).build());
    }

    @GET
    public Uni<JsonNode> list() {
        Caller caller = callers.current();
        return pool.preparedQuery(WebhookStatements.LIST).execute(Tuple.of(caller.tenant())).map(rows -> {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            ArrayNode items = out.putArray("items");
            rows.forEach(r -> items.add(describe(r)));
            return out;
        });
    }

    @GET
    @Path("{id}")
    public Uni<ObjectNode> get(@PathParam("id") String id) {
        return one(parse(id), callers.current());
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @io.smallrye.common.annotation.Blocking // the URL's host name is resolved to check the target
    public Uni<ObjectNode> replace(@PathParam("id") String id, JsonNode body) {
        Caller caller = callers.current();
        UUID uuid = parse(id);
        Fields f = Fields.of(body, new WebhookTargets(allowPrivateTargets));
        return pool.preparedQuery(WebhookStatements.UPDATE).execute(Tuple.tuple().addUUID(uuid).addString(caller.tenant())
                        .addString(f.name).addString(f.pattern).addString(f.url).addBoolean(f.active))
                .flatMap(rows -> rows.rowCount() == 0 ? Uni.createFrom().failure(missing(id)) : one(uuid, caller));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        return pool.preparedQuery(WebhookStatements.DELETE).execute(Tuple.of(parse(id), callers.current().tenant()))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw missing(id);
                    }
                    return Response.noContent().build();
                });
    }

    @GET
    @Path("{id}/deliveries")
    public Uni<JsonNode> deliveries(@PathParam("id") String id, @QueryParam("status") String status, @QueryParam("limit") Integer limit) {
        if (status != null && !STATUSES.contains(status)) {
            throw ApiProblem.badRequest("invalid-parameter", "status is one of " + STATUSES);
        }
        int max = limit == null ? 100 : Math.max(1, Math.min(limit, 1000));
        UUID uuid = parse(id);
        return one(uuid, callers.current())
                .flatMap(x -> pool.preparedQuery(WebhookStatements.DELIVERIES).execute(Tuple.of(uuid, status, max)))
                .map(rows -> {
                    ObjectNode out = JsonNodeFactory.instance.objectNode();
                    ArrayNode items = out.putArray("items");
                    rows.forEach(r -> items.add(delivery(r)));
                    return out;
                });
    }

    @POST
    @Path("{id}/deliveries/{delivery}/redeliver")
    public Uni<Response> redeliver(@PathParam("id") String id, @PathParam("delivery") long delivery) {
        UUID uuid = parse(id);
        return one(uuid, callers.current())
                .flatMap(x -> pool.preparedQuery(WebhookStatements.REDELIVER).execute(Tuple.of(delivery, uuid)))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw ApiProblem.notFound("no delivery " + delivery + " of webhook " + id);
                    }
                    dispatcher.wakeUp();
                    return Response.accepted(JsonNodeFactory.instance.objectNode().put("id", delivery).put("status", "pending")).build();
                });
    }

    private Uni<ObjectNode> one(UUID id, Caller caller) {
        return pool.preparedQuery(WebhookStatements.ONE).execute(Tuple.of(id, caller.tenant())).map(rows -> {
            if (rows.size() == 0) {
                throw missing(id.toString());
            }
            return describe(rows.iterator().next());
        });
    }

    private static ObjectNode describe(Row r) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("id", r.getUUID("id").toString());
        out.put("name", r.getString("name"));
        out.put("events", r.getString("pattern"));
        out.put("url", r.getString("url"));
        out.put("active", r.getBoolean("active"));
        out.put("source", r.getString("source"));
        out.put("createdAt", r.getOffsetDateTime("created_at").toInstant().toString());
        out.put("createdBy", r.getString("created_by"));
        return out;
    }

    private static ObjectNode delivery(Row r) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("id", r.getLong("id"));
        out.put("eventId", r.getUUID("event_id").toString());
        out.put("type", r.getString("type"));
        out.put("position", r.getLong("position"));
        out.put("subject", r.getString("subject"));
        out.put("status", r.getString("status"));
        out.put("attempts", r.getInteger("attempts"));
        out.put("nextAttemptAt", "pending".equals(r.getString("status")) ? r.getOffsetDateTime("next_attempt_at").toInstant().toString() : null);
        out.put("lastStatus", r.getInteger("last_status"));
        out.put("lastError", r.getString("last_error"));
        out.put("createdAt", r.getOffsetDateTime("created_at").toInstant().toString());
        out.put("deliveredAt", r.getOffsetDateTime("delivered_at") == null ? null : r.getOffsetDateTime("delivered_at").toInstant().toString());
        return out;
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw missing(id);
        }
    }

    private static ApiProblem missing(String id) {
        return ApiProblem.notFound("no webhook " + id);
    }

    private static ApiProblem invalid(String pointer, String message) {
        return new ApiProblem(422, "invalid-webhook", "Invalid webhook", message, List.of(new Problem.Error(pointer, null, "invalid", message)));
    }

    /** The writable fields of a subscription, checked. */
    private record Fields(String name, String pattern, String url, boolean active) {
        static Fields of(JsonNode body, WebhookTargets targets) {
            if (body == null || !body.isObject()) {
                throw invalid("", "a JSON object with name, events and url is required");
            }
            String name = body.path("name").asText("").trim();
            if (name.isEmpty() || name.length() > 200) {
                throw invalid("/name", "a name of 1 to 200 characters is required");
            }
            String pattern = body.path("events").asText("");
            if (!EVENT_PATTERN.matcher(pattern).matches()) {
                throw invalid("/events", "events is a pattern such as partners.*, partners.Partner* or partners.PartnerUpdated");
            }
            String url = body.path("url").asText("");
            try {
                URI uri = URI.create(url);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw invalid("/url", "url must be an absolute http or https URL");
            }
            targets.refusal(URI.create(url)).ifPresent(reason -> {
                throw invalid("/url", reason);
            });
            return new Fields(name, pattern, url, body.path("active").asBoolean(true));
        }
    }
}
