/**
 * Callers and permissions: who is calling (tenant, user, roles, request id) and what they may do. The
 * permission evaluator compiles its decisions once per catalog and role set (docs/adr/0086). Depends on
 * the metadata catalog, the query language's bound filters and Quarkus security; nothing here touches SQL.
 */
package io.prmos.engine.security;
