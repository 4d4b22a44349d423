package io.prmos.cli.auth;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What {@code prm login} stored for one server. Either an API key, or an access token with what
 * is needed to get a new one: a refresh token and the token endpoint (OIDC), or the user name of the
 * engine's embedded development identity provider.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Credentials(Kind kind, String apiKey, String accessToken, String refreshToken,
                          String tokenEndpoint, String clientId, String clientSecret, String devUser) {

    public enum Kind { API_KEY, TOKEN }

    public static Credentials apiKey(String key) {
        return new Credentials(Kind.API_KEY, key, null, null, null, null, null, null);
    }

    public static Credentials oidc(TokenSet tokens, String tokenEndpoint, String clientId, String clientSecret) {
        return new Credentials(Kind.TOKEN, null, tokens.accessToken(), tokens.refreshToken(),
                tokenEndpoint, clientId, clientSecret, null);
    }

    public static Credentials devUser(TokenSet tokens, String user) {
        return new Credentials(Kind.TOKEN, null, tokens.accessToken(), null, null, null, null, user);
    }

    @JsonIgnore
    public String authorizationHeader() {
        return kind == Kind.API_KEY ? "ApiKey " + apiKey : "Bearer " + accessToken;
    }

    @JsonIgnore
    public boolean renewable() {
        return kind == Kind.TOKEN && ((refreshToken != null && tokenEndpoint != null) || devUser != null);
    }

    public Credentials withTokens(TokenSet tokens) {
        String refresh = tokens.refreshToken() != null ? tokens.refreshToken() : refreshToken;
        return new Credentials(kind, apiKey, tokens.accessToken(), refresh, tokenEndpoint, clientId, clientSecret, devUser);
    }

    /** How the credentials were obtained, for {@code prm login} output; never the secret itself. */
    @JsonIgnore
    public String description() {
        if (kind == Kind.API_KEY) {
            return "API key";
        }
        return devUser != null ? "development identity '" + devUser + "'" : "OIDC token from " + tokenEndpoint;
    }
}
