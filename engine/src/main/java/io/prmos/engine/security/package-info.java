/**
 * Identities and tenant context. Today it resolves the configured default caller; the identity
 * issue adds OIDC, API keys and the permission evaluator here. May depend on nothing but config.
 */
package io.prmos.engine.security;
