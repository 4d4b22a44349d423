package io.prmos.engine.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.identity.DevIdentityConfig;
import io.prmos.engine.registry.CatalogHolder;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.CallerResolver;
import io.prmos.engine.security.PermissionEvaluator;
import io.quarkus.security.Authenticated;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The web runtime's bootstrap endpoints: how to sign in ({@code /auth}, public) and what to render
 * ({@code /metadata}, per caller, cached by ETag).
 */
@Path("/api/v1/ui")
@Produces(MediaType.APPLICATION_JSON)
public class UiResource {

    @Inject
    CatalogHolder catalogs;

    @Inject
    CallerResolver callers;

    @Inject
    PermissionEvaluator evaluator;

    @Inject
    io.prmos.engine.ui.extension.UiBundleIndex bundles;

    @ConfigProperty(name = "prm.dev-identity.enabled", defaultValue = "false")
    boolean devIdentity;

    @ConfigProperty(name = "prm.dev-identity.users", defaultValue = "")
    String devUsers;

    @ConfigProperty(name = "prm.oidc.issuer")
    java.util.Optional<String> oidcIssuer;

    @ConfigProperty(name = "prm.ui.oidc.client-id", defaultValue = "prm-ui")
    String oidcClientId;

    @ConfigProperty(name = "prm.ui.oidc.scopes", defaultValue = "openid profile email")
    String oidcScopes;

    private UiMetadataBuilder builder;

    @PostConstruct
    void init() {
        builder = new UiMetadataBuilder(evaluator);
    }

    @org.eclipse.microprofile.openapi.annotations.Operation(hidden = true)
    @GET
    @Path("metadata")
    @Authenticated
    public io.smallrye.mutiny.Uni<Response> metadata(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Caller caller = callers.current();
        return bundles.activeHashes().emitOn(io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool()).map(hashes -> respond(builder.build(catalogs.forTenant(caller.tenant()), caller, hashes), ifNoneMatch));
    }

    private static Response respond(UiMetadataBuilder.UiMetadata metadata, String ifNoneMatch) {
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setNoCache(true);
        if (matches(ifNoneMatch, metadata.etag())) {
            return Response.notModified().header(HttpHeaders.ETAG, metadata.etag()).cacheControl(cache).build();
        }
        return Response.ok(metadata.document(), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.ETAG, metadata.etag()).cacheControl(cache).build();
    }

    /** Sign-in configuration; public, because the runtime needs it before anyone is signed in. */
    @org.eclipse.microprofile.openapi.annotations.Operation(hidden = true)
    @GET
    @Path("auth")
    @PermitAll
    public JsonNode auth() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (devIdentity) {
            out.put("mode", "dev");
            ArrayNode users = out.putArray("users");
            for (DevIdentityConfig.DevUser user : DevIdentityConfig.parseUsers(devUsers)) {
                ObjectNode node = users.addObject().put("username", user.username()).put("tenant", user.tenant());
                user.roles().forEach(node.putArray("roles")::add);
            }
            out.put("tokenEndpoint", "/api/dev-identity/token");
        } else {
            out.put("mode", "oidc");
            ObjectNode oidc = out.putObject("oidc")
                    .put("authority", oidcIssuer.orElse(null))
                    .put("clientId", oidcClientId);
            ArrayNode scopes = oidc.putArray("scopes");
            Arrays.stream(oidcScopes.trim().split("\\s+")).filter(s -> !s.isEmpty()).forEach(scopes::add);
        }
        return out;
    }

    /** {@code If-None-Match} may list several tags, weak or strong, or be {@code *}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(etag) || (tag.startsWith("W/") && tag.substring(2).equals(etag))) {
                return true;
            }
        }
        return false;
    }
}
