package io.prmos.engine.identity;

/** Attribute names on SecurityIdentities built by the engine (API keys); OIDC identities carry claims instead. */
public final class IdentityAttributes {

    public static final String TENANT = "prm.tenant";
    public static final String USER_ID = "prm.user.id";
    public static final String USER_NAME = "prm.user.name";
    /** Set (to the key's id) when the caller authenticated with an API key rather than as a person. */
    public static final String API_KEY_ID = "prm.api-key.id";
    /** The token claim naming the tenant, as Keycloak's mapper and the embedded provider write it. */
    public static final String TENANT_CLAIM = "tenant";

    private IdentityAttributes() {
    }
}
