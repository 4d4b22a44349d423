package io.prmos.engine.openapi;

import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * How callers authenticate, as the document declares it: {@code signIn} gives a bearer token — from
 * the embedded identity provider by the OAuth 2.0 password grant (local use), else from the OIDC
 * issuer (authorization code with PKCE, found by discovery) — which is also how Swagger UI signs
 * in; {@code apiKey} is a tenant's API key. Every operation needs one of them unless it says
 * {@code security: []}.
 */
final class Security {

    static final String SIGN_IN = "signIn";
    static final String API_KEY = "apiKey";

    private Security() {
    }

    static void declare(OpenAPI openAPI, boolean devIdentity, Optional<String> issuer) {
        SecurityScheme signIn = OASFactory.createSecurityScheme();
        if (devIdentity || issuer.isEmpty()) {
            signIn.type(SecurityScheme.Type.OAUTH2).description("A demo user of the embedded identity provider: the username is "
                    + "enough (alice, bob, carol, ...); the token is sent as Authorization: Bearer")
                    .flows(OASFactory.createOAuthFlows().password(OASFactory.createOAuthFlow()
                            .tokenUrl("/api/dev-identity/token").scopes(java.util.Map.of())));
        } else {
            signIn.type(SecurityScheme.Type.OPENIDCONNECT).description("Sign in with the identity provider; the access token is "
                    + "sent as Authorization: Bearer").openIdConnectUrl(issuer.get().replaceAll("/+$", "") + "/.well-known/openid-configuration");
        }
        openAPI.getComponents().addSecurityScheme(SIGN_IN, signIn);
        openAPI.getComponents().addSecurityScheme(API_KEY, OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("Authorization")
                .description("Authorization: ApiKey prm_… — keys are created by tenant admins at /api/admin/api-keys"));
        openAPI.security(List.of(OASFactory.createSecurityRequirement().addScheme(SIGN_IN),
                OASFactory.createSecurityRequirement().addScheme(API_KEY)));
    }
}
