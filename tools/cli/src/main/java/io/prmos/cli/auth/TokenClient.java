package io.prmos.cli.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.cli.CliFailure;
import io.prmos.cli.http.Http;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gets access tokens: OAuth 2 password and device-authorization grants against an OIDC issuer
 * (Keycloak paths), the refresh grant, and the engine's embedded development identity provider.
 */
public final class TokenClient {

    private static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    /** The client registered for the CLI; secrets stay in the credentials file. */
    public record OidcClient(String issuer, String clientId, String clientSecret) {
        public String tokenEndpoint() {
            return stripSlash(issuer) + "/protocol/openid-connect/token";
        }

        String deviceEndpoint() {
            return stripSlash(issuer) + "/protocol/openid-connect/auth/device";
        }
    }

    private final Http http;

    public TokenClient(Http http) {
        this.http = http;
    }

    public TokenSet password(OidcClient client, String username, String password) {
        Map<String, String> form = clientFields(client.clientId(), client.clientSecret());
        form.put("grant_type", "password");
        form.put("username", username);
        form.put("password", password);
        form.put("scope", "openid");
        return tokens(postForm(client.tokenEndpoint(), form));
    }

    public TokenSet device(OidcClient client, PrintStream instructions) {
        JsonNode grant = postForm(client.deviceEndpoint(), clientFields(client.clientId(), client.clientSecret()));
        String uri = grant.path("verification_uri_complete").asText(grant.path("verification_uri").asText());
        instructions.println("Open " + uri + " and confirm the code " + grant.path("user_code").asText());
        Instant deadline = Instant.now().plusSeconds(grant.path("expires_in").asLong(600));
        long interval = grant.path("interval").asLong(5);
        Map<String, String> form = clientFields(client.clientId(), client.clientSecret());
        form.put("grant_type", DEVICE_GRANT);
        form.put("device_code", grant.path("device_code").asText());
        while (Instant.now().isBefore(deadline)) {
            sleep(Duration.ofSeconds(interval));
            HttpResponse<byte[]> response = http.send(formRequest(client.tokenEndpoint(), form));
            JsonNode body = json(response);
            String error = body.path("error").asText("");
            if (response.statusCode() == 200) {
                return tokens(body);
            } else if (error.equals("slow_down")) {
                interval += 5;
            } else if (!error.equals("authorization_pending")) {
                throw loginFailed(response.statusCode(), body);
            }
        }
        throw CliFailure.user("login failed: the device code expired before it was confirmed");
    }

    public TokenSet refresh(Credentials credentials) {
        Map<String, String> form = clientFields(credentials.clientId(), credentials.clientSecret());
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", credentials.refreshToken());
        return tokens(postForm(credentials.tokenEndpoint(), form));
    }

    /** The engine's {@code /api/dev-identity/token}; it exists only in the local profile. */
    public TokenSet devIdentity(String server, String username) {
        String body;
        try {
            body = Http.JSON.writeValueAsString(Map.of("username", username));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest request = HttpRequest.newBuilder(Http.uri(server + "/api/dev-identity/token"))
                .timeout(Http.REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<byte[]> response = http.send(request);
        if (response.statusCode() == 404) {
            throw CliFailure.user("login failed: " + server + " has no development identity provider (is it running with the local profile?)");
        }
        return tokens(checked(response));
    }

    public Credentials renew(Credentials credentials, String server) {
        TokenSet tokens = credentials.devUser() != null
                ? devIdentity(server, credentials.devUser())
                : refresh(credentials);
        return credentials.withTokens(tokens);
    }

    private JsonNode postForm(String endpoint, Map<String, String> form) {
        return checked(http.send(formRequest(endpoint, form)));
    }

    private static HttpRequest formRequest(String endpoint, Map<String, String> form) {
        return HttpRequest.newBuilder(Http.uri(endpoint)).timeout(Http.REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(Http.form(form)).build();
    }

    private static JsonNode checked(HttpResponse<byte[]> response) {
        JsonNode body = json(response);
        if (response.statusCode() / 100 != 2) {
            throw loginFailed(response.statusCode(), body);
        }
        return body;
    }

    private static CliFailure loginFailed(int status, JsonNode body) {
        String reason = body.path("error_description").asText(body.path("detail").asText(body.path("error").asText("")));
        String line = "login failed: HTTP " + status + (reason.isBlank() ? "" : ": " + reason);
        return status >= 500 ? CliFailure.server(line) : CliFailure.user(line);
    }

    private static JsonNode json(HttpResponse<byte[]> response) {
        try {
            return Http.JSON.readTree(response.body());
        } catch (IOException e) {
            throw CliFailure.server("login failed: unreadable answer from " + response.uri() + " (HTTP " + response.statusCode() + ")");
        }
    }

    private static TokenSet tokens(JsonNode body) {
        String access = body.path("access_token").asText(null);
        if (access == null) {
            throw CliFailure.server("login failed: the token answer has no access_token");
        }
        return new TokenSet(access, body.path("refresh_token").asText(null));
    }

    private static Map<String, String> clientFields(String clientId, String clientSecret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        return form;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliFailure.user("login cancelled");
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
