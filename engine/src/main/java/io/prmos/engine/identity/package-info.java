/**
 * Where identities come from: configuration of quarkus-oidc (Keycloak, or the embedded identity
 * provider's key), the embedded identity provider itself, and API keys for service accounts.
 * Produces Quarkus SecurityIdentities; {@code security} turns them into callers.
 */
package io.prmos.engine.identity;
