/**
 * Where identities come from: configuration of quarkus-oidc (Keycloak, or the embedded identity
 * provider's key), the embedded identity provider itself (kept on loopback by its guard), API keys
 * for service accounts (bounded by their creator chain), and the memory of verified bearer tokens in
 * front of quarkus-oidc (docs/adr/0085). Produces Quarkus SecurityIdentities; {@code security} turns
 * them into callers.
 */
package io.prmos.engine.identity;
