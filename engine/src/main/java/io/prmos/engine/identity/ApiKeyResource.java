package io.prmos.engine.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.api.ApiProblem;
import io.prmos.engine.api.Problem;
import io.prmos.engine.registry.CatalogHolder;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.CallerResolver;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Admin API for API keys of the caller's tenant: create (the key is returned once), list, revoke.
 * Requires the tenant role {@code admin}. A key can only carry roles the installed modules declare,
 * {@code admin} and {@code platform_operator}, and never more than its creator may delegate (see
 * {@link KeyDelegation}).
 */
@Path("/api/admin/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN_ROLE)
public class ApiKeyResource {

    @Inject
    CallerResolver callers;

    @Inject
    CatalogHolder catalogs;

    @Inject
    ApiKeyAuthenticationMechanism mechanism;

    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    public Uni<Response> create(JsonNode body) {
        Caller caller = callers.current();
        ApiKeyEntity key = new ApiKeyEntity();
        key.id = UUID.randomUUID();
        key.tenantId = caller.tenant();
        key.name = name(body);
        Set<String> roles = roles(body);
        KeyDelegation.check(caller, identity.getAttribute(IdentityAttributes.API_KEY_ID) != null, roles);
        key.roles = roles.toArray(String[]::new);
        String secret = ApiKeySecrets.newSecret();
        key.secretHash = ApiKeySecrets.hash(secret);
        key.createdAt = OffsetDateTime.now();
        key.createdBy = caller.user();
        return key.<ApiKeyEntity>persist().map(saved -> {
            ObjectNode out = describe(saved).put("key", ApiKeySecrets.format(saved.id, secret));
            return Response.status(201).entity(out).header("Location", "/api/admin/api-keys/" + saved.id).build();
        });
    }

    @GET
    @WithSession
    public Uni<JsonNode> list() {
        Caller caller = callers.current();
        return ApiKeyEntity.<ApiKeyEntity>list("tenantId = ?1 order by createdAt", caller.tenant()).map(keys -> {
            ArrayNode items = JsonNodeFactory.instance.arrayNode();
            keys.forEach(k -> items.add(describe(k)));
            return (JsonNode) JsonNodeFactory.instance.objectNode().set("items", items);
        });
    }

    @DELETE
    @Path("{id}")
    @WithTransaction
    public Uni<Response> revoke(@PathParam("id") String id) {
        Caller caller = callers.current();
        UUID uuid = parseId(id);
        return ApiKeyEntity.<ApiKeyEntity>findById(uuid).map(key -> {
            if (key == null || !key.tenantId.equals(caller.tenant()) || key.revokedAt != null) {
                throw ApiProblem.notFound("no active API key " + id);
            }
            key.revokedAt = OffsetDateTime.now();
            key.revokedBy = caller.user();
            mechanism.forget(uuid);
            return Response.noContent().build();
        });
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("no active API key " + id);
        }
    }

    private static String name(JsonNode body) {
        String name = body == null ? "" : body.path("name").asText("").trim();
        if (name.isEmpty() || name.length() > 200) {
            throw invalid("/name", "a name of 1 to 200 characters is required");
        }
        return name;
    }

    private Set<String> roles(JsonNode body) {
        JsonNode roles = body.path("roles");
        if (!roles.isArray() || roles.isEmpty()) {
            throw invalid("/roles", "at least one role is required");
        }
        Set<String> known = new TreeSet<>(List.of(Caller.ADMIN_ROLE, Caller.PLATFORM_OPERATOR_ROLE,
                io.prmos.engine.jobs.JobRoles.WORKER));
        catalogs.current().modules().forEach(m -> known.addAll(m.manifest().roles().keySet()));
        Set<String> out = new TreeSet<>();
        List<Problem.Error> errors = new ArrayList<>();
        for (int i = 0; i < roles.size(); i++) {
            String role = roles.get(i).asText("");
            if (!known.contains(role)) {
                errors.add(new Problem.Error("/roles/" + i, null, "unknown", "unknown role '" + role + "'; known roles: " + known));
            }
            out.add(role);
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(422, "validation", "Invalid API key", errors.size() + " role(s) are unknown", errors);
        }
        return out;
    }

    private static ApiProblem invalid(String pointer, String message) {
        return new ApiProblem(422, "validation", "Invalid API key", message, List.of(new Problem.Error(pointer, null, "invalid", message)));
    }

    private static ObjectNode describe(ApiKeyEntity key) {
        ObjectNode node = JsonNodeFactory.instance.objectNode()
                .put("id", key.id.toString())
                .put("name", key.name)
                .put("tenant", key.tenantId)
                .put("createdAt", key.createdAt.toString())
                .put("createdBy", key.createdBy)
                .put("revokedAt", key.revokedAt == null ? null : key.revokedAt.toString());
        ArrayNode roles = node.putArray("roles");
        for (String role : key.roles) {
            roles.add(role);
        }
        return node;
    }
}
