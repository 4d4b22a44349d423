/**
 * Where identities come from: configuration of quarkus-oidc (Keycloak, or the embedded identity
 * provider's key), the embedded identity provider itself, API keys for service accounts, and the
 * memory of verified bearer tokens in front of quarkus-oidc (docs/adr/0085).
 * Produces Quarkus SecurityIdentities; {@code security} turns them into callers.
 */
package io.prmos.engine.identity;
