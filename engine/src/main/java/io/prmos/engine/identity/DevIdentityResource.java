package io.prmos.engine.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.api.ApiProblem;
import jakarta.annotation.PostConstruct;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The embedded identity provider for local use: lists the configured users and issues signed
 * tokens for them without a password, to clients on the engine's own machine only. It answers 404
 * unless {@code prm.dev-identity.enabled} is true, and {@link DevIdentityGuard} refuses to start with
 * it enabled unless the engine listens on loopback only.
 */
@jakarta.ws.rs.Path("/api/dev-identity")
@Produces(MediaType.APPLICATION_JSON)
public class DevIdentityResource {

    @ConfigProperty(name = "prm.dev-identity.enabled", defaultValue = "false")
    boolean enabled;

    @ConfigProperty(name = "prm.dev-identity.users", defaultValue = "")
    String users;

    @ConfigProperty(name = "prm.dev-identity.key-file", defaultValue = DevIdentityConfig.DEFAULT_KEY_FILE)
    String keyFile;

    @ConfigProperty(name = "prm.dev-identity.issuer", defaultValue = DevIdentityConfig.DEFAULT_ISSUER)
    String issuer;

    private List<DevIdentityConfig.DevUser> configured;
    private DevTokenIssuer tokens;

    @PostConstruct
    void init() {
        configured = DevIdentityConfig.parseUsers(users);
        if (enabled) {
            tokens = new DevTokenIssuer(DevIdentityKeys.load(Paths.get(keyFile)), issuer, Duration.ofHours(8));
        }
    }

    @GET
    @jakarta.ws.rs.Path("/users")
    public JsonNode users() {
        requireEnabled();
        var out = JsonNodeFactory.instance.arrayNode();
        for (DevIdentityConfig.DevUser user : configured) {
            ObjectNode node = out.addObject().put("username", user.username()).put("tenant", user.tenant());
            user.roles().forEach(node.putArray("roles")::add);
        }
        return out;
    }

    @POST
    @jakarta.ws.rs.Path("/token")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonNode token(JsonNode body, @jakarta.ws.rs.core.Context io.vertx.core.http.HttpServerRequest request) {
        return issue(body == null ? "" : body.path("username").asText(""), request);
    }

    /**
     * The same as an OAuth 2.0 password grant ({@code grant_type=password&username=alice}, the password
     * ignored): how Swagger UI's "Authorize" signs in with the embedded provider.
     */
    @POST
    @jakarta.ws.rs.Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public JsonNode passwordGrant(@jakarta.ws.rs.FormParam("grant_type") String grantType, @jakarta.ws.rs.FormParam("username") String username,
                                  @jakarta.ws.rs.core.Context io.vertx.core.http.HttpServerRequest request) {
        requireEnabled();
        if (grantType != null && !grantType.equals("password")) {
            throw ApiProblem.badRequest("unsupported-grant-type", "only grant_type=password is supported");
        }
        return issue(username == null ? "" : username, request);
    }

    private JsonNode issue(String username, io.vertx.core.http.HttpServerRequest request) {
        requireEnabled();
        requireThisMachine(request);
        DevIdentityConfig.DevUser user = configured.stream().filter(u -> u.username().equals(username)).findFirst()
                .orElseThrow(() -> new ApiProblem(401, "unknown-user", "Unauthorized",
                        "no configured dev identity user '" + username + "'", List.of()));
        return JsonNodeFactory.instance.objectNode()
                .put("access_token", tokens.issue(user))
                .put("token_type", "Bearer")
                .put("expires_in", Duration.ofHours(8).toSeconds());
    }

    /**
     * Tokens only for callers on this machine, talking to the engine directly: a TCP peer that is not a
     * loopback address, or a request a proxy forwarded, is refused even when the listener's bind slipped.
     */
    private static void requireThisMachine(io.vertx.core.http.HttpServerRequest request) {
        var peer = request.connection() == null ? null : request.connection().remoteAddress();
        boolean loopback = peer != null && peer.hostAddress() != null && DevIdentityGuard.isLoopback(peer.hostAddress());
        boolean forwarded = request.headers().contains("Forwarded") || request.headers().contains("X-Forwarded-For");
        if (!loopback || forwarded) {
            throw new ApiProblem(403, "forbidden", "Forbidden",
                    "the embedded identity provider issues tokens only to clients on the engine's own machine", List.of());
        }
    }

    private void requireEnabled() {
        if (!enabled) {
            throw ApiProblem.notFound("the embedded identity provider is not enabled");
        }
    }
}
